// Same-process A/B of two engines (`bench:compare -- <ref> --same-process`): the ref's engine and the
// working tree's, bundled together into one program that evaluates the benchmark's licensees with
// each in turn, in windows of 250 ms, the order swapped every window. This host switches between a
// fast and a slow state every few seconds (docs/BENCHMARKS.md), which moves a whole process's figure
// by up to 35%; windows a quarter of a second apart see the same state, so their ratio does not move
// with it. An A/A run (a ref against itself) gives median ratios within ±1.5%.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from './bundle.mjs';

function entrySource(root, worktree) {
  const a = JSON.stringify(join(worktree, 'libs/compliance/engine/src'));
  const b = JSON.stringify(join(root, 'libs/compliance/engine/src'));
  const data = JSON.stringify(join(root, 'tools/bench/engine-data'));
  return `import { evaluate as evaluateRef } from ${a};
import { evaluate as evaluateHead } from ${b};
import { fullRuleSet, licensee, prng } from ${data};
const windows = Number(process.argv[2]);
const count = Number(process.argv[3]);
const rand = prng(20_260_101);
const sets = [0, 1, 2, 3].map(fullRuleSet);
const work = Array.from({ length: count }, (_, i) => ({ rules: sets[i % 4], transcript: licensee(rand, i) }));
let sink = 0;
let atRef = 0;
let atHead = 0;
// Two copies of the loop, one per engine: each call site sees one function.
function runRef(ms) {
  const start = performance.now();
  let n = 0;
  while (performance.now() < start + ms) {
    for (let k = 0; k < 50; k++) { const w = work[atRef++ % count]; sink += evaluateRef(w.rules, w.transcript).totals.countedHours; n++; }
  }
  return n / ((performance.now() - start) / 1000);
}
function runHead(ms) {
  const start = performance.now();
  let n = 0;
  while (performance.now() < start + ms) {
    for (let k = 0; k < 50; k++) { const w = work[atHead++ % count]; sink += evaluateHead(w.rules, w.transcript).totals.countedHours; n++; }
  }
  return n / ((performance.now() - start) / 1000);
}
for (let i = 0; i < 4; i++) { runRef(300); runHead(300); }
const ref = [];
const head = [];
for (let i = 0; i < windows; i++) {
  if (i % 2 === 0) { ref.push(runRef(250)); head.push(runHead(250)); }
  else { head.push(runHead(250)); ref.push(runRef(250)); }
}
console.log(JSON.stringify({ ref, head, sink }));
`;
}

/** Runs the A/B in `processes` processes of `windows` windows each: { ref, head, ratios } per window. */
export function sameProcess(root, worktree, { windows, processes, licensees }) {
  const dir = mkdtempSync(join(tmpdir(), 'mezzo-ab-'));
  try {
    const entry = join(dir, 'entry.ts');
    const out = join(dir, 'entry.js');
    writeFileSync(entry, entrySource(root, worktree));
    bundle(root, entry, out);
    const ref = [];
    const head = [];
    for (let p = 0; p < processes; p++) {
      const run = spawnSync(
        process.execPath,
        [out, String(windows), String(licensees)],
        { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      );
      if (run.status !== 0)
        throw new Error(`A/B run failed: ${run.stderr.slice(-2000)}`);
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
      ref.push(...result.ref);
      head.push(...result.head);
      process.stdout.write(`process ${p + 1}: ${result.ref.length} windows\n`);
    }
    return {
      ref,
      head,
      ratios: ref.map((r, i) => head[i] / r),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
