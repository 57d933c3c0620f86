/**
 * Engine equivalence check: the working tree's `evaluate` against another copy of the engine (a git
 * ref's, checked out by `equivalence.mjs`) on the same inputs — generated cases
 * (`engine-cases.ts`, per seed) and the benchmark's licensees (`engine-data.ts`). Each output is
 * compared as JSON text; a difference is classed as counts (status, totals, cycle, each requirement's
 * hours and `met`, the sum of exclusions, the non-cap exclusions, advocacy, carryover, or a different
 * error) or allocation only (which credits carry the hours), and whether the plan's text differs.
 * Run: npm run -s bench -- equivalence --ref-engine DIR [--seeds 1,2,3]
 * [--count 3000] [--licensees 2000] [--malformed 600]: `--malformed` benchmark licensees with broken
 * credits (`malformedCases`), which must fail with the same error. The last line is one JSON object.
 */
import * as HEAD from '../../libs/compliance/engine/src';
import { cases, malformedCases, type Case } from './engine-cases';
import { fullRuleSet, licensee, prng } from './engine-data';

type Evaluate = typeof HEAD.evaluate;
type Outcome = HEAD.Evaluation | { error: string };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function run(evaluate: Evaluate, c: Case): Outcome {
  try {
    return evaluate(c.rules, c.transcript, { today: c.today });
  } catch (e) {
    const err = e as { code?: string; name?: string; message?: string };
    return { error: `${err.code ?? err.name}:${err.message}` };
  }
}

/** What must never change between two engines: everything but which credits carry the hours. */
function counts(e: Outcome): string {
  if ('error' in e) return e.error;
  return JSON.stringify({
    status: e.status,
    totals: e.totals,
    cycle: e.cycle,
    requirements: e.requirements.map((r) => [
      r.code,
      r.requiredHours,
      r.countedHours,
      r.remainingHours,
      r.met,
    ]),
    excludedHundredths: e.excluded.reduce(
      (sum, x) => sum + Math.round(x.hours * 100),
      0,
    ),
    excludedOther: e.excluded
      .filter((x) => x.reason !== 'over-cap' && x.reason !== 'not-credited')
      .map((x) => [x.creditId, x.hours, x.reason]),
    advocacy: e.advocacy,
    carryover: e.carryover,
  });
}

/** Whether two of the case's credits share an id (a list that is not an array shares none). */
function sharesIds(c: Case): boolean {
  const credits: unknown = c.transcript.credits;
  if (!Array.isArray(credits)) return false;
  const ids = credits.map((x: { id?: unknown }) => x?.id);
  return new Set(ids).size !== ids.length;
}

function main(): void {
  const refEngine = option('ref-engine', '');
  if (!refEngine)
    throw new Error(
      "--ref-engine DIR (the other engine's src directory) is required",
    );
  const REF = require(refEngine) as { evaluate: Evaluate };
  const seeds = option('seeds', '1,2,3').split(',').map(Number);
  const count = Number(option('count', '3000'));
  const licensees = Number(option('licensees', '2000'));
  const malformed = Number(option('malformed', '600'));
  const inputs: Case[] = seeds.flatMap((seed) => cases(seed, count));
  const rand = prng(20_260_101);
  const sets = [0, 1, 2, 3].map(fullRuleSet);
  for (let i = 0; i < licensees; i++)
    inputs.push({
      rules: sets[i % sets.length],
      transcript: licensee(rand, i),
    });
  inputs.push(...malformedCases(seeds[0] + 1000, malformed));
  let same = 0;
  let countsDiffer = 0;
  // Of those, transcripts where several credits share an id (which copy is kept changed on
  // 2026-11-23: the one that can count most, not the first by a partial key).
  let countsDifferSharedIds = 0;
  let allocationOnly = 0;
  let planDiffers = 0;
  let throwing = 0;
  const examples: string[] = [];
  for (const c of inputs) {
    const a = run(REF.evaluate, c);
    const b = run(HEAD.evaluate, c);
    if ('error' in a || 'error' in b) throwing += 1;
    if (JSON.stringify(a) === JSON.stringify(b)) {
      same += 1;
      continue;
    }
    if (counts(a) !== counts(b)) {
      countsDiffer += 1;
      if (sharesIds(c)) countsDifferSharedIds += 1;
      else if (examples.length < 3)
        examples.push(`ref:  ${counts(a)}\nhead: ${counts(b)}`);
      continue;
    }
    allocationOnly += 1;
    if (
      !('error' in a) &&
      !('error' in b) &&
      JSON.stringify(a.plan) !== JSON.stringify(b.plan)
    )
      planDiffers += 1;
  }
  for (const e of examples) console.log(e);
  console.log(
    JSON.stringify({
      check: 'engine-equivalence',
      evaluations: inputs.length,
      seeds,
      malformed,
      same,
      countsDiffer,
      countsDifferSharedIds,
      allocationOnly,
      planDiffers,
      throwing,
    }),
  );
  process.exitCode = countsDiffer === 0 ? 0 : 1;
}

main();
