#!/usr/bin/env node
// Writes the benchmark input: JSONL {"text": ...} documents of mixed text (workout logs, coaching chat, English prose
// from a word list, code, JSON, multilingual sentences, emoji), deterministic (fixed seed). Usage: make-text.mjs OUT MB
import fs from 'node:fs';
import { mulberry32 } from '../../scripts/tokenizer/mulberry32.mjs';

const [out, mbArg] = process.argv.slice(2);
const targetBytes = Math.round(parseFloat(mbArg ?? '4') * 1024 * 1024);
const rnd = mulberry32(20261126);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const words = ('the of and to in is you that it he was for on are as with his they at be this have from or one had by ' +
  'word but not what all were we when your can said there use an each which she do how their if will up other about out ' +
  'many then them these so some her would make like him into time has look two more write go see number no way could ' +
  'people my than first water been call who oil its now find long down day did get come made may part training program ' +
  'strength hypertrophy recovery protein volume intensity deload progressive overload technique mobility conditioning')
  .split(' ');
const lifts = ['squat', 'bench press', 'deadlift', 'overhead press', 'barbell row', 'pull-ups', 'dips', 'Romanian deadlift',
  'leg press', 'hip thrust', 'lat pulldown', 'front squat', 'incline dumbbell press'];
const multi = ['Heute habe ich Kniebeugen gemacht, 5×5 mit 100 kg.', 'Aujourd\u2019hui : développé couché 4×8 à 70 kg, très dur !',
  'Hoy hice peso muerto: 3 series de 5 con 140 kg.', 'Сегодня присед 5 подходов по 5 повторений, 110 кг.',
  '今天练腿：深蹲五组五次，一百公斤。', '今日はベンチプレス80kgを5回×5セット。', '오늘 데드리프트 150kg 3회 3세트 했어요.',
  'اليوم تمرين القرفصاء ٥×٥ بوزن ١٠٠ كغ', 'היום עשיתי סקוואט 5 סטים של 5 חזרות'];
const emoji = ['💪', '🔥', '😩', '🎉', '👍🏽', '🏋️‍♂️', '😅', '🙌', '❤️'];

const sentence = () => {
  const n = int(6, 22);
  const w = Array.from({ length: n }, () => pick(words));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + pick(['.', '.', '.', '?', '!', ',', ';']);
};
const log = () => Array.from({ length: int(2, 7) }, () =>
  `${pick(lifts)} ${int(1, 6)}x${int(1, 15)} @ ${int(20, 250)}${pick(['kg', ' kg', 'lbs', ' lb'])}` +
  pick(['', `, RPE ${int(6, 10)}`, ` (${pick(emoji)})`, ' felt heavy', ` rest ${int(1, 5)}min`])).join(pick(['\n', '; ', '\n- ']));
const code = () => pick([
  `public int sum(int[] xs) {\n    int s = 0;\n    for (int x : xs) {\n        s += x;\n    }\n    return s;\n}\n`,
  `def volume(sets, reps, weight):\n    """Total volume in kg."""\n    return sets * reps * weight\n\nprint(volume(${int(1, 5)}, ${int(1, 12)}, ${int(20, 200)}))\n`,
  `SELECT athlete_id, MAX(weight_kg) AS e1rm FROM sets WHERE lift = '${pick(lifts)}' GROUP BY athlete_id;\n`,
]);
const json = () => JSON.stringify({ messages: [
  { role: 'system', content: 'You are Spotter, a concise strength coach.' },
  { role: 'user', content: `${log()} ${pick(emoji)}` },
  { role: 'assistant', content: `${sentence()} ${sentence()}` }] });
const doc = () => {
  const parts = [];
  const n = int(2, 8);
  for (let i = 0; i < n; i++) {
    parts.push(pick([sentence, sentence, sentence, log, log, code, json, () => pick(multi), () => sentence() + ' ' + pick(emoji)])());
  }
  return parts.join(pick(['\n\n', '\n', ' ', '  ']));
};
const fd = fs.openSync(out, 'w');
let bytes = 0;
let docs = 0;
while (bytes < targetBytes) {
  const line = JSON.stringify({ text: doc() }) + '\n';
  fs.writeSync(fd, line);
  bytes += Buffer.byteLength(JSON.parse(line).text, 'utf8');
  docs++;
}
fs.closeSync(fd);
console.log(`wrote ${out}: ${docs} documents, ${(bytes / 1048576).toFixed(2)} MiB of text`);
