// `npm run -s bench:instructions [-- --ref <git ref>] [--cache] [--branches] [--lines FUNCTION] [--evaluations N] [--warmup N] [--top N]`
//
// Machine instructions per evaluation of the engine benchmark's workload (500 licensees, 40 credits,
// the four 10-rule bench rule sets, cycled), counted by valgrind's callgrind: the same figure whatever
// else the machine is doing, unlike the timed benchmark, whose runs move by ±10–25% on this shared
// host. The engine is bundled with esbuild (as the CLI ships it) and run twice under callgrind, with
// the same warm-up and then 0 or N evaluations; the difference, divided by N, is the cost of one
// evaluation once the JIT has settled. V8's perf map (`--perf-basic-prof`) names the JIT code, so the
// count is also given per engine function (inlined callees count in their caller).
// With `--ref`, the ref's engine (a temporary worktree) is counted the same way, for comparison.
// `--cache` also simulates the caches (valgrind's model: 32 KiB L1 data, and a 512 KiB last level,
// the size of this machine's per-core L2) and prints, per function, the L1 and L2 data misses: a
// change that saves instructions but adds misses can still be slower (docs/ENGINE.md "Ninth look").
// `--branches` also simulates branch prediction (valgrind's model: a table of 2-bit counters, far
// simpler than the CPU's, so it counts more mispredictions than the CPU makes, but the same branches:
// those that follow the data) and prints, per function, the conditional branches and how many were
// mispredicted (docs/ENGINE.md "Twelfth look").
// `--lines NAME` adds a line-level view of one engine function (as its optimised code runs, callees
// inlined): the measured run also records each instruction's count and V8 prints that function's
// code with its source positions, which name the bundle's lines. Counts there include the warm-up
// runs of the optimised code, so they are divided by warm-up + N: an approximate share per line.
// With `--lines` the total also counts V8's printing and callgrind's per-instruction records (about
// +30,000): read the per-function figures, which stay as without it.
// Needs valgrind (Debian package `valgrind`). Instructions are not time (cache misses and branch
// mispredictions are not in them): a check on the timed figures, never a replacement.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';
import { withWorktree } from './worktree.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const evaluations = Number(option('evaluations', '5000'));
const warmup = Number(option('warmup', '10000'));
const top = Number(option('top', '25'));
const ref = option('ref', undefined);
const cache = argv.includes('--cache');
const branches = argv.includes('--branches');
const linesOf = option('lines', undefined);
/**
 * The events counted: instructions; with `--cache` the L1 and last-level data read misses; with
 * `--branches` the conditional branches executed and mispredicted.
 */
const events = [
  'Ir',
  ...(cache ? ['D1mr', 'DLmr'] : []),
  ...(branches ? ['Bc', 'Bcm'] : []),
];
const at = (name) => events.indexOf(name);
if (
  ![evaluations, warmup, top].every((n) => Number.isInteger(n) && n > 0) ||
  (argv.includes('--ref') && !ref) ||
  (argv.includes('--lines') && !/^[A-Za-z_$][\w$]*$/.test(linesOf ?? ''))
) {
  process.stderr.write(
    'usage: npm run -s bench:instructions [-- --ref <git ref>] [--evaluations N] [--warmup N] [--top N] [--cache] [--branches] [--lines FUNCTION]\n',
  );
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write(
    'valgrind is not installed (Debian: apt-get install -y valgrind)\n',
  );
  process.exit(2);
}

/** The benchmark's workload, evaluated `warmup` times, then as many times as the first argument says. */
function entrySource(tree) {
  const engine = JSON.stringify(join(tree, 'libs/compliance/engine/src'));
  const data = JSON.stringify(join(tree, 'tools/bench/engine-data'));
  return `import { evaluate } from ${engine};
import { fullRuleSet, licensee, prng } from ${data};
const n = Number(process.argv[2]);
const rand = prng(20_260_101);
const sets = [0, 1, 2, 3].map(fullRuleSet);
const work = Array.from({ length: 500 }, (_, i) => ({ rules: sets[i % 4], transcript: licensee(rand, i) }));
let sink = 0;
for (let i = 0; i < ${warmup}; i++) { const w = work[i % 500]; sink += evaluate(w.rules, w.transcript).totals.countedHours; }
for (let i = 0; i < n; i++) { const w = work[i % 500]; sink += evaluate(w.rules, w.transcript).totals.countedHours; }
if (sink < 0) console.log(sink);
`;
}

/**
 * Runs the bundle under callgrind with `n` measured evaluations: { pid, out, listing } once it exits.
 * `lines`: also count per instruction and keep V8's listing of that function's optimised code.
 */
function callgrind(dir, file, n, lines) {
  const out = join(dir, `callgrind.${n}`);
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      ...(cache
        ? ['--cache-sim=yes', '--D1=32768,8,64', '--LL=524288,8,64']
        : []),
      ...(branches ? ['--branch-sim=yes'] : []),
      ...(lines ? ['--dump-instr=yes'] : []),
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--single-threaded',
      '--perf-basic-prof',
      ...(lines
        ? ['--print-opt-code', `--print-opt-code-filter=${lines}`]
        : []),
      file,
      String(n),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const listing = [];
  child.stdout.on('data', (d) => listing.push(d));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done, fail) =>
    child.on('exit', (code) =>
      code === 0
        ? done({
            pid: child.pid,
            out,
            listing: Buffer.concat(listing).toString('utf8'),
          })
        : fail(
            new Error(`callgrind exited with ${code}:\n${stderr.slice(-2000)}`),
          ),
    ),
  );
}

/** Index of the last of `sorted` (ascending by `keyOf`) whose key is at most `value`; -1 when none. */
function lastAtOrBefore(sorted, value, keyOf) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(sorted[mid]) <= value) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/**
 * Instructions per line of the bundle in the optimised code of one function: callgrind's count per
 * instruction address (`--dump-instr`), each address's source position from V8's listing (the last
 * "Source positions" entry at or before its pc offset), each position's line in the bundle.
 */
function lineProfile({ out, listing }, file, runs) {
  const perAddress = new Map();
  let positions = 1;
  let address = 0;
  let callLine = false;
  for (const text of readFileSync(out, 'utf8').split('\n')) {
    if (text.startsWith('positions:'))
      positions = text.trim().split(/\s+/).length - 1;
    if (text.startsWith('calls=')) {
      callLine = true;
      continue;
    }
    if (!/^[0-9+\-*]/.test(text)) continue;
    const parts = text.trim().split(/\s+/);
    const at = parts[0];
    if (at.startsWith('0x')) address = parseInt(at, 16);
    else if (at.startsWith('+')) address += Number(at.slice(1));
    else if (at.startsWith('-')) address -= Number(at.slice(1));
    // The line after `calls=` is the call's inclusive cost, not the instruction's own.
    if (callLine) {
      callLine = false;
      continue;
    }
    if (parts.length > positions)
      perAddress.set(
        address,
        (perAddress.get(address) ?? 0) + Number(parts[positions]),
      );
  }
  const source = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1))
    lineStarts.push(i + 1);
  const lineOf = (position) =>
    Math.max(
      0,
      lastAtOrBefore(lineStarts, position, (start) => start),
    );
  const perLine = new Map();
  // Every optimised version of the function: instructions ("0xADDR  pcoffset  bytes  text"), then its position table.
  for (const block of listing.split('--- Optimized code ---').slice(1)) {
    const instructions = [
      ...block.matchAll(/^0x([0-9a-f]+)\s+([0-9a-f]+)\s/gm),
    ].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
    const table = block.split('Source positions:')[1] ?? '';
    const entries = [...table.matchAll(/^\s+([0-9a-f]+)\s+(\d+)/gm)]
      .map((m) => [parseInt(m[1], 16), Number(m[2])])
      .sort((x, y) => x[0] - y[0]);
    for (const [at, pc] of instructions) {
      const count = perAddress.get(at);
      if (!count) continue;
      const k = lastAtOrBefore(entries, pc, (entry) => entry[0]);
      const line = k < 0 ? -1 : lineOf(entries[k][1]);
      perLine.set(line, (perLine.get(line) ?? 0) + count);
    }
  }
  const text = source.split('\n');
  return [...perLine]
    .map(([line, count]) => ({
      instructions: Math.round(count / runs),
      code: line < 0 ? '(prologue)' : text[line].trim().slice(0, 140),
    }))
    .sort((x, y) => y.instructions - x.instructions);
}

/** Instructions per function name: callgrind's per-function counts, JIT addresses named by V8's perf map. */
function perFunction({ pid, out }) {
  const mapFile = `/tmp/perf-${pid}.map`;
  const ranges = readFileSync(mapFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [start, size, ...name] = line.split(' ');
      return {
        start: parseInt(start, 16),
        end: parseInt(start, 16) + parseInt(size, 16),
        name: name.join(' '),
      };
    })
    .sort((a, b) => a.start - b.start);
  rmSync(mapFile, { force: true });
  const nameOf = (address) => {
    const r = ranges[lastAtOrBefore(ranges, address, (range) => range.start)];
    // "JS:*name file:line:column": the function's name, optimised (*) or not (~, ^).
    return r && address < r.end
      ? r.name.replace(/^JS:/, '').replace(/ \S+:\d+:\d+$/, '')
      : '(other JIT code)';
  };
  const annotated = spawnSync(
    'callgrind_annotate',
    ['--threshold=100', `--show=${events.join(',')}`, '--sort=Ir', out],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (annotated.status !== 0)
    throw new Error(`callgrind_annotate failed: ${annotated.stderr}`);
  // Each line: one count per event ("12,345 (1.2%)" or "."), then "file:function [object]".
  const number = String.raw`(?:([\d,]+) \([^)]*\)|\.)\s+`;
  const line = new RegExp(
    String.raw`^\s*${number.repeat(events.length)}(.*?):(\S+)(?: \[|$)`,
  );
  const totals = new RegExp(
    String.raw`^\s*${number.repeat(events.length)}PROGRAM TOTALS`,
  );
  const read = (m) =>
    events.map((_, e) => Number((m[e + 1] ?? '0').replaceAll(',', '')));
  let total = events.map(() => 0);
  const counts = new Map();
  for (const text of annotated.stdout.split('\n')) {
    const t = totals.exec(text);
    if (t) {
      total = read(t);
      continue;
    }
    const m = line.exec(text);
    if (!m) continue;
    const values = read(m);
    const where = m[events.length + 2];
    const address = /^0x([0-9a-f]+)$/.exec(where);
    const name = address
      ? nameOf(parseInt(address[1], 16))
      : where.replace(/\(.*$/, '');
    const sum = counts.get(name) ?? events.map(() => 0);
    counts.set(
      name,
      sum.map((v, e) => v + values[e]),
    );
  }
  return { total, counts };
}

async function count(tree, label) {
  const dir = mkdtempSync(join(tmpdir(), 'mezzo-instructions-'));
  try {
    const entry = join(dir, 'entry.ts');
    const bundled = join(dir, 'entry.js');
    writeFileSync(entry, entrySource(tree));
    bundle(root, entry, bundled);
    // Both runs at once (two cores; each takes a minute or two under callgrind), and alike: the
    // listing and per-instruction counts of `--lines` cost instructions of their own.
    const [base, measured] = await Promise.all([
      callgrind(dir, bundled, 0, linesOf),
      callgrind(dir, bundled, evaluations, linesOf),
    ]);
    const a = perFunction(base);
    const b = perFunction(measured);
    const names = new Set([...a.counts.keys(), ...b.counts.keys()]);
    const none = events.map(() => 0);
    const per = (x, y) =>
      events.map((_, e) =>
        Math.round(((y[e] ?? 0) - (x[e] ?? 0)) / evaluations),
      );
    const functions = [...names]
      .map((name) => {
        const counts = per(
          a.counts.get(name) ?? none,
          b.counts.get(name) ?? none,
        );
        return {
          name,
          instructions: counts[0],
          ...(cache
            ? { l1Misses: counts[at('D1mr')], l2Misses: counts[at('DLmr')] }
            : {}),
          ...(branches
            ? {
                branches: counts[at('Bc')],
                mispredicted: counts[at('Bcm')],
              }
            : {}),
        };
      })
      .filter((f) => f.instructions !== 0)
      .sort((x, y) => y.instructions - x.instructions);
    const totals = per(a.total, b.total);
    const perEvaluation = totals[0];
    const l1 = totals[at('D1mr')];
    const l2 = totals[at('DLmr')];
    const bc = totals[at('Bc')];
    const bcm = totals[at('Bcm')];
    // The engine's own compiled code (V8 names it `*name` once optimised): the same count in every
    // run of the same code, while the total also holds the collector's and the runtime's share,
    // which moves by a few percent from one run to the next.
    const js = functions
      .filter((f) => /^[*~^]/.test(f.name))
      .reduce((t, f) => t + f.instructions, 0);
    process.stdout.write(
      `\n${label}: ${perEvaluation.toLocaleString('en-US')} instructions per evaluation (${js.toLocaleString('en-US')} in compiled JavaScript)${cache ? `, ${l1.toLocaleString('en-US')} L1 and ${l2.toLocaleString('en-US')} L2 data read misses` : ''}${branches ? `, ${bc.toLocaleString('en-US')} conditional branches (${bcm.toLocaleString('en-US')} mispredicted)` : ''}\n`,
    );
    for (const f of functions.slice(0, top)) {
      const misses =
        (cache
          ? `${String(f.l1Misses).padStart(7)} ${String(f.l2Misses).padStart(6)}  `
          : '') +
        (branches
          ? `${String(f.branches).padStart(7)} ${String(f.mispredicted).padStart(6)}  `
          : '');
      process.stdout.write(
        `${String(f.instructions).padStart(9)}  ${((100 * f.instructions) / perEvaluation).toFixed(1).padStart(5)}%  ${misses}${f.name}\n`,
      );
    }
    if (linesOf) {
      const lines = lineProfile(measured, bundled, warmup + evaluations);
      const sum = lines.reduce((t, l) => t + l.instructions, 0);
      process.stdout.write(
        `\n${linesOf}, per line (≈ instructions per evaluation, ${sum.toLocaleString('en-US')} in all):\n`,
      );
      for (const l of lines.slice(0, top))
        process.stdout.write(
          `${String(l.instructions).padStart(9)}  ${l.code}\n`,
        );
    }
    return {
      perEvaluation,
      js,
      functions,
      ...(cache ? { l1ReadMisses: l1, l2ReadMisses: l2 } : {}),
      ...(branches ? { branches: bc, mispredicted: bcm } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = {
  bench: 'engine-instructions',
  evaluations,
  warmup,
  node: process.version,
};
const own = await count(root, 'working tree');
result.instructionsPerEvaluation = own.perEvaluation;
result.jsInstructionsPerEvaluation = own.js;
if (cache)
  Object.assign(result, {
    l1ReadMissesPerEvaluation: own.l1ReadMisses,
    l2ReadMissesPerEvaluation: own.l2ReadMisses,
  });
if (branches)
  Object.assign(result, {
    branchesPerEvaluation: own.branches,
    mispredictedPerEvaluation: own.mispredicted,
  });
result.top = Object.fromEntries(
  own.functions.slice(0, 12).map((f) => [f.name, f.instructions]),
);
if (ref) {
  const theirs = await withWorktree(root, ref, (tree) => count(tree, ref));
  result.ref = ref;
  result.refInstructionsPerEvaluation = theirs.perEvaluation;
  result.refJsInstructionsPerEvaluation = theirs.js;
  result.ratio =
    Math.round((own.perEvaluation / theirs.perEvaluation) * 1000) / 1000;
  result.jsRatio = Math.round((own.js / theirs.js) * 1000) / 1000;
}
console.log(JSON.stringify(result));
