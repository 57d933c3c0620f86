/**
 * The certified greedy (LP skipped) against the simplex on random pieces: the same hours toward every
 * requirement and the same counted total (up to the simplex's rounding hundredth), and only feasible
 * allocations. The greedy may pick a different optimum where several exist, never a worse one.
 */
import fc from 'fast-check';
import { allocateWith, type AllocationResult, type Piece } from './allocate';
import { LIMIT, NEED, compiled } from '../testing/allocation-rule-set';


// A credit: one format cap at most (self-study, teaching, publication or none); its clinical piece is
// outside the non-clinical cap, its other pieces inside — the crossing the fast path must handle —
// unless the cap's `exceptTopics` exempt it (`exempt`: an ethics credit keeps its general piece out).
const creditArb = fc.record({
  exempt: fc.boolean(),
  format: fc.integer({ min: 0, max: 3 }),
  reqs: fc.integer({ min: 0, max: 31 }),
  clinical: fc.integer({ min: 0, max: 600 }),
  other: fc.integer({ min: 0, max: 600 }),
  old: fc.integer({ min: 0, max: 9 }),
});

interface RandomCredit {
  exempt: boolean;
  format: number;
  reqs: number;
  clinical: number;
  other: number;
  old: number;
}

function piecesOf(credits: readonly RandomCredit[]): Piece[] {
  const pieces: Piece[] = [];
  const sums = [0, 0, 0, 0];
  const teaching = credits.map(() => 0);
  credits.forEach((c, credit) => {
    const formatCap = c.format === 1 ? 1 : c.format === 2 ? 4 : c.format === 3 ? 8 : 0;
    if (c.old === 0) {
      // Before the cycle: only the once-per-career requirement, no caps.
      if (c.clinical + c.other > 0) pieces.push({ credit, level: 2, hours: c.clinical + c.other, reqMask: 16, capMask: 0, group: 0, outOfCycle: true });
      return;
    }
    const clinicalReqs = c.reqs & 0b11011 & ~1; // ethics conflicts with clinical on one hour, but both may match
    if (c.clinical > 0) pieces.push({ credit, level: 0, hours: c.clinical, reqMask: clinicalReqs | 4 | (c.reqs & 1), capMask: formatCap, group: 0, outOfCycle: false });
    const nonClinical = c.exempt && (c.reqs & 1) !== 0 ? 0 : 2;
    if (c.other > 0) pieces.push({ credit, level: 2, hours: c.other, reqMask: c.reqs & 0b11011, capMask: formatCap | nonClinical, group: 0, outOfCycle: false });
  });
  // Binding caps only, as buildPieces does.
  for (const p of pieces) {
    for (let k = 0; k < 4; k++) {
      if ((p.capMask & (1 << k)) === 0) continue;
      if (k === 2) teaching[p.credit] += p.hours;
      else sums[k] += p.hours;
    }
  }
  for (const p of pieces) {
    let binding = 0;
    for (let k = 0; k < 4; k++) {
      if ((p.capMask & (1 << k)) === 0) continue;
      if ((k === 2 ? teaching[p.credit] : sums[k]) > LIMIT[k]) binding |= 1 << k;
    }
    p.group = (binding & 4) !== 0 ? p.credit + 1 : 0;
    p.capMask = binding;
  }
  return pieces;
}

function summary(r: AllocationResult, pieces: readonly Piece[], creditCount: number, limits = LIMIT, needs = NEED): { counted: number; served: number[] } {
  let counted = 0;
  const perCredit = Array.from({ length: creditCount }, () => 0);
  pieces.forEach((p, i) => {
    expect(r.counted[i]).toBeGreaterThanOrEqual(0);
    expect(r.counted[i]).toBeLessThanOrEqual(p.hours);
    counted += r.counted[i];
    perCredit[p.credit] += r.counted[i];
  });
  // The per-credit sums disaggregation accumulates on the way are the sums of the pieces' counted hours.
  expect([...r.creditCounted]).toEqual(perCredit);
  const served = needs.map((need, j) => {
    let s = 0;
    for (let ci = 0; ci < creditCount; ci++) s += r.served[j * creditCount + ci];
    expect(s).toBeLessThanOrEqual(need);
    return s;
  });
  for (const k of [0, 1, 3]) {
    let used = 0;
    pieces.forEach((p, i) => {
      if ((p.capMask & (1 << k)) !== 0) used += r.counted[i];
    });
    expect(used).toBeLessThanOrEqual(limits[k]);
  }
  return { counted, served };
}

/**
 * A certified solution reaches the upper bound of every requirement and of the counted total, so it
 * is never below the simplex; the simplex may be one hundredth below it where rounding its
 * fractional vertex down cost that hundredth (docs/ENGINE.md "Solver").
 */
function expectSameOptimum(fast: { counted: number; served: number[] }, lp: { counted: number; served: number[] }): void {
  expect(fast.counted).toBeGreaterThanOrEqual(lp.counted);
  expect(fast.counted - lp.counted).toBeLessThanOrEqual(1);
  fast.served.forEach((s, j) => {
    expect(s).toBeGreaterThanOrEqual(lp.served[j]);
    expect(s - lp.served[j]).toBeLessThanOrEqual(1);
  });
}

describe('certified greedy (LP skipped) versus the simplex', () => {
  it('reaches the same optimum on random instances, and skips the LP on many of them', () => {
    let skipped = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(creditArb, { minLength: 0, maxLength: 30 }), (credits) => {
        const pieces = piecesOf(credits);
        const input = { compiled, pieces, need: NEED, capLimit: LIMIT, notCreditedMask: 0, creditCount: credits.length };
        const fast = allocateWith(input, true);
        const lp = allocateWith(input, false);
        runs += 1;
        if (!fast.solvedByLp) skipped += 1;
        expectSameOptimum(summary(fast, pieces, credits.length), summary(lp, pieces, credits.length));
      }),
      { numRuns: 400 },
    );
    // The comparison is only meaningful if the fast path actually ran.
    expect(skipped).toBeGreaterThan(runs / 4);
  });

  it('falls back to the LP when greedy substitutions would fail', () => {
    // Three cap rows crossing pairwise (not bipartite): no exact counted-hours bound, so the LP runs.
    const pieces: Piece[] = [
      { credit: 0, level: 2, hours: 300, reqMask: 0b11, capMask: 0b1011, group: 0, outOfCycle: false },
      { credit: 1, level: 2, hours: 300, reqMask: 0b01, capMask: 0b0011, group: 0, outOfCycle: false },
      { credit: 2, level: 2, hours: 300, reqMask: 0b10, capMask: 0b1010, group: 0, outOfCycle: false },
    ];
    const need = [300, 200, 0, 0, 0];
    const capLimit = [500, 500, 0, 500];
    const input = { compiled, pieces, need, capLimit, notCreditedMask: 0, creditCount: 3 };
    const fast = allocateWith(input, true);
    expect(fast.solvedByLp).toBe(true);
    expectSameOptimum(summary(fast, pieces, 3, capLimit, need), summary(allocateWith(input, false), pieces, 3, capLimit, need));
  });
});
