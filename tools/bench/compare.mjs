// `npm run -s bench:compare -- <git ref> [--rounds N] [--bench engine] [--metric evaluationsPerSecond] [-- bench options]`
// `npm run -s bench:compare -- <git ref> --same-process [--windows 40] [--processes 2] [--licensees 500]`
//
// `--same-process` (engine only, the precise one): both engines in one program, in alternating
// windows of 250 ms (`same-process.mjs`); prints the median ratio of the windows.
//
// Otherwise, interleaved A/B: the benchmark of a git ref (checked out in a temporary worktree) against the
// working tree, each run in its own process, the order swapped every round. On a shared machine a
// single run moves by ±5–10% from one minute to the next, so only ratios of interleaved runs compare
// two versions fairly (docs/BENCHMARKS.md). Prints each pair, then, last, one JSON line with both
// medians, every ratio and the median ratio (working tree / ref).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sameProcess } from './same-process.mjs';
import { withWorktree } from './worktree.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes >= 0 ? argv.slice(0, dashes) : argv;
const benchArgs = dashes >= 0 ? argv.slice(dashes + 1) : [];

function option(name, fallback) {
  const i = own.indexOf(`--${name}`);
  return i >= 0 ? own[i + 1] : fallback;
}

const ref = own[0];
const rounds = Number(option('rounds', '6'));
const bench = option('bench', 'engine');
const metric = option('metric', 'evaluationsPerSecond');
const same = own.includes('--same-process');
const windows = Number(option('windows', '40'));
const processes = Number(option('processes', '2'));
const licensees = Number(option('licensees', '500'));
if (
  !ref ||
  ref.startsWith('--') ||
  ![rounds, windows, processes, licensees].every(
    (n) => Number.isInteger(n) && n >= 1,
  ) ||
  (same && bench !== 'engine')
) {
  process.stderr.write(
    'usage: npm run -s bench:compare -- <git ref> [--rounds N] [--bench engine] [--metric name] [-- bench options]\n' +
      '       npm run -s bench:compare -- <git ref> --same-process [--windows N] [--processes N] [--licensees N]\n',
  );
  process.exit(2);
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function runIn(dir) {
  // This checkout's run.mjs for both trees, so that both are built and loaded the same way.
  const run = spawnSync(
    process.execPath,
    [join(root, 'tools/bench/run.mjs'), bench, ...benchArgs],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, MEZZO_BENCH_TREE: dir },
    },
  );
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  let value;
  try {
    value = JSON.parse(last)[metric];
  } catch {
    value = undefined;
  }
  if (run.status !== 0 || typeof value !== 'number') {
    throw new Error(
      `benchmark in ${dir} failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ') || last}`,
    );
  }
  return value;
}

let code = 0;
try {
  await withWorktree(root, ref, (worktree) => {
    if (same) {
      const r = sameProcess(root, worktree, { windows, processes, licensees });
      const sorted = [...r.ratios].sort((a, b) => a - b);
      const at = (q) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      process.stdout.write(
        JSON.stringify({
          compare: 'engine',
          mode: 'same-process',
          ref,
          windows: r.ratios.length,
          licensees,
          refMedian: Math.round(median(r.ref)),
          headMedian: Math.round(median(r.head)),
          medianRatio: Math.round(median(r.ratios) * 1000) / 1000,
          quartiles: [at(0.25), at(0.75)].map(
            (v) => Math.round(v * 1000) / 1000,
          ),
        }) + '\n',
      );
      return;
    }
    const base = [];
    const head = [];
    const ratios = [];
    for (let i = 0; i < rounds; i++) {
      let a;
      let b;
      if (i % 2 === 0) {
        a = runIn(worktree);
        b = runIn(root);
      } else {
        b = runIn(root);
        a = runIn(worktree);
      }
      base.push(a);
      head.push(b);
      ratios.push(Math.round((b / a) * 1000) / 1000);
      process.stdout.write(
        `round ${i + 1}: ${ref} ${a}  working tree ${b}  ratio ${ratios.at(-1)}\n`,
      );
    }
    process.stdout.write(
      JSON.stringify({
        compare: bench,
        metric,
        ref,
        rounds,
        refMedian: median(base),
        headMedian: median(head),
        ratios,
        medianRatio: Math.round(median(ratios) * 1000) / 1000,
      }) + '\n',
    );
  });
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  code = 1;
}
process.exit(code);
