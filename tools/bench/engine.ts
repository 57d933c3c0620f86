/**
 * Engine benchmark: evaluations per second on one core for 40-credit licensees against rule sets of
 * 10 rules (6 minimums, 4 caps, an exclusive overlap group). Deterministic data (seeded PRNG).
 * Run: `npm run -s bench -- engine` (bundled by esbuild, as the CLI ships the engine; `--loader swc`
 * for @swc-node/register). Options: --seconds 5 --licensees 500.
 * Diagnostics: `--hot-each` (each licensee repeated: the cost without the cross-licensee penalty),
 * `--same SEED` (every licensee with the same credits, as fresh objects).
 * `--rules total|minimums` swaps the rule sets for lighter ones to see where the time goes (the
 * total alone; the six minimums and the exclusive group without caps); `--rules bundled` evaluates
 * 40-credit licensees against the shipped rule sets instead (every license type in turn, its own
 * topics and approval bodies drawn). The default is the full set the target is measured on. The
 * last line of output is one JSON object.
 */
import {
  evaluate,
  TOPICS as ALL_TOPICS,
  type Credit,
  type EvaluateRules,
  type Transcript,
} from '../../libs/compliance/engine/src';
import { loadRuleSets } from '../../libs/compliance/rules/src';
import { BENCH_FORMATS, fullRuleSet, licensee, prng } from './engine-data';
import { rules } from '../../libs/compliance/engine/src/lib/testing/fixtures';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const RULES = (() => {
  const i = process.argv.indexOf('--rules');
  const value = i >= 0 ? process.argv[i + 1] : 'full';
  if (
    value !== 'full' &&
    value !== 'total' &&
    value !== 'minimums' &&
    value !== 'bundled'
  ) {
    throw new Error(
      `--rules must be full, total, minimums or bundled (got ${value})`,
    );
  }
  return value;
})();

function ruleSet(variant: number) {
  const full = fullRuleSet(variant);
  const v = full.licenseType.versions[0];
  if (RULES === 'total')
    return rules({ ...v, requirements: [], caps: [], overlap: undefined });
  if (RULES === 'minimums') return rules({ ...v, caps: [] });
  return full;
}

/** A licensee of one shipped license type: any topic, the approval bodies boards name. */
function bundledLicensee(
  rand: () => number,
  n: number,
  target: EvaluateRules & { code: string },
): Transcript {
  const bodies = [
    'ACE',
    'NASW',
    'board',
    'NYSED',
    'CSWE',
    'other-state-board',
    'APA',
  ];
  const credits: Credit[] = [];
  for (let i = 0; i < 40; i++) {
    const hours = [0.5, 1, 1.5, 2, 3, 6][Math.floor(rand() * 6)];
    const clinical = Math.round(hours * rand() * 4) / 4;
    const macro = Math.round((hours - clinical) * rand() * 4) / 4;
    const day = Math.floor(rand() * 1100) - 400;
    credits.push({
      id: `B${n}-C${i}`,
      title: `Course ${i}`,
      completedOn: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000)
        .toISOString()
        .slice(0, 10),
      hours,
      format: BENCH_FORMATS[Math.floor(rand() * BENCH_FORMATS.length)],
      topics: ALL_TOPICS.filter(() => rand() < 0.06),
      practice: {
        clinical,
        macro,
        general: Math.round((hours - clinical - macro) * 100) / 100,
      },
      ...(macro > 0 && rand() < 0.5
        ? { macroAreas: ['policy-advocacy' as const] }
        : {}),
      approvals: [
        { body: 'ACE' },
        { body: bodies[Math.floor(rand() * bodies.length)] },
      ].slice(0, rand() < 0.5 ? 1 : 2),
    });
  }
  return {
    jurisdiction: target.jurisdiction,
    licenseType: target.code,
    license: {
      issuedOn: '2012-05-01',
      birthDate: '1980-05-02',
      roles: rand() < 0.3 ? ['supervisor'] : [],
    },
    asOf: '2026-09-30',
    credits,
  };
}

/**
 * `--hot-each`: each licensee evaluated 200 times in a row (caches warm, branch predictors trained
 * on its data), the mean over licensees: the engine's cost without the cross-licensee penalty.
 * Diagnostic only; the recorded figure is the default run.
 */
function hotEach(
  work: { rules: EvaluateRules; transcript: Transcript }[],
): void {
  for (let i = 0; i < 2000; i++) {
    const w = work[i % work.length];
    evaluate(w.rules, w.transcript);
  }
  let micros = 0;
  const reps = 200;
  for (const w of work) {
    for (let k = 0; k < 20; k++) evaluate(w.rules, w.transcript);
    const start = performance.now();
    for (let k = 0; k < reps; k++) evaluate(w.rules, w.transcript);
    micros += ((performance.now() - start) * 1000) / reps;
  }
  const mean = micros / work.length;
  console.log(
    JSON.stringify({
      bench: 'engine',
      mode: 'hot-each',
      ...(RULES === 'full' ? {} : { rules: RULES }),
      meanMicroseconds: Math.round(mean * 100) / 100,
      evaluationsPerSecond: Math.round(1e6 / mean),
      licensees: work.length,
      node: process.version,
    }),
  );
}

function main(): void {
  const seconds = arg('seconds', 3);
  const count = arg('licensees', 500);
  const rand = prng(20_260_101);
  const bundled =
    RULES === 'bundled'
      ? loadRuleSets().flatMap((j) =>
          j.licenseTypes.map((lt) => ({
            jurisdiction: j.jurisdiction,
            licenseType: lt,
            code: lt.code,
          })),
        )
      : [];
  const sets = RULES === 'bundled' ? bundled : [0, 1, 2, 3].map(ruleSet);
  // `--same SEED`: every licensee has the same credits (drawn with SEED, fresh objects, own ids) and
  // the same rule set: what distinct data costs beyond distinct content (docs/ENGINE.md "Sixth look").
  const sameSeed = arg('same', -1);
  const work = Array.from({ length: count }, (_, i) =>
    RULES === 'bundled'
      ? {
          rules: bundled[i % bundled.length],
          transcript: bundledLicensee(rand, i, bundled[i % bundled.length]),
        }
      : sameSeed >= 0
        ? {
            rules: sets[sameSeed % sets.length],
            transcript: licensee(prng(sameSeed), i),
          }
        : { rules: sets[i % sets.length], transcript: licensee(rand, i) },
  );
  if (process.argv.includes('--hot-each')) {
    hotEach(work);
    return;
  }
  let met = 0;
  let sink = 0;
  const runOnce = (i: number): void => {
    const w = work[i % work.length];
    const e = evaluate(w.rules, w.transcript);
    sink += e.totals.countedHours;
    if (e.status === 'met') met += 1;
  };
  // Warm-up: let the JIT settle before measuring.
  const warmEnd = performance.now() + 1000;
  let i = 0;
  while (performance.now() < warmEnd) runOnce(i++);
  met = 0;
  let n = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 100; k++) runOnce(n++);
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU seconds of this single-threaded process: the per-core figure even when other work shares the machine.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result = {
    bench: 'engine',
    ...(RULES === 'full' ? {} : { rules: RULES }),
    evaluationsPerSecond: Math.round(n / cpuSeconds),
    wallEvaluationsPerSecond: Math.round(n / elapsed),
    credits: 40,
    requirements: RULES === 'bundled' ? 'bundled rule sets' : 10,
    evaluations: n,
    seconds: Math.round(elapsed * 100) / 100,
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    licensees: count,
    metShare: Math.round((met / n) * 1000) / 1000,
    checksum: Math.round(sink),
    node: process.version,
    // How the engine's code was loaded (run.mjs): `esbuild-bundle` as the CLI ships it, or `swc-node-register`.
    build: process.env['MEZZO_BENCH_BUILD'] ?? 'as started',
  };
  console.log(JSON.stringify(result));
}

main();
