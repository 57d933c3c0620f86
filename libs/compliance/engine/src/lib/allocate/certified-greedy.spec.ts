/**
 * The certified greedy (LP skipped) against the simplex on random pieces: the same hours toward every
 * requirement and the same counted total (up to the simplex's rounding hundredth), and only feasible
 * allocations. The greedy may pick a different optimum where several exist, never a worse one.
 */
import fc from 'fast-check';
import { allocateWith, type AllocationResult, type Piece } from './allocate';
import { greedyCounts } from './certified-greedy';
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

function piecesOf(credits: readonly RandomCredit[], limits: readonly number[] = LIMIT): Piece[] {
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
      if ((k === 2 ? teaching[p.credit] : sums[k]) > limits[k]) binding |= 1 << k;
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

  it('reaches the same optimum where topic hours are scarce and capped (the second attempt)', () => {
    // Higher topic needs and tighter caps: the first attempt's cuts often starve a topic, so the
    // second attempt (floors) runs; it must still match the simplex, and must certify some instances.
    const need = [500, 400, 1500, 800, 200];
    const limits = [600, 700, 400, 200];
    const before = greedyCounts.second;
    fc.assert(
      fc.property(fc.array(fc.tuple(creditArb, fc.integer({ min: 0, max: 4 })), { minLength: 5, maxLength: 30 }), (drawn) => {
        // Topic hours on one credit in five.
        const credits = drawn.map(([c, rare]) => ({ ...c, reqs: rare === 0 ? c.reqs : c.reqs & 0b11100 }));
        const pieces = piecesOf(credits, limits);
        const input = { compiled, pieces, need, capLimit: limits, notCreditedMask: 0, creditCount: credits.length };
        const fast = allocateWith(input, true);
        const lp = allocateWith(input, false);
        expectSameOptimum(summary(fast, pieces, credits.length, limits, need), summary(lp, pieces, credits.length, limits, need));
      }),
      { numRuns: 400 },
    );
    expect(greedyCounts.second - before).toBeGreaterThan(4);
  });

  it('certifies a second attempt that keeps the hours a requirement cannot get elsewhere', () => {
    // Cultural competence (need 200) has one source, A, in both the publication cap (300) and the
    // non-clinical cap (1200). The least cut empties A (it relieves both rows), so the first attempt
    // leaves cultural competence short. Every optimum keeps 200 of A, so the second attempt never cuts
    // A below 200, cuts B and C instead, and reaches the least cut above that floor: optimal, no LP.
    const pieces: Piece[] = [
      { credit: 0, level: 2, hours: 400, reqMask: 0b00010, capMask: 0b1010, group: 0, outOfCycle: false },
      { credit: 1, level: 0, hours: 600, reqMask: 0, capMask: 0b1000, group: 0, outOfCycle: false },
      { credit: 2, level: 2, hours: 2000, reqMask: 0, capMask: 0b0010, group: 0, outOfCycle: false },
      { credit: 3, level: 0, hours: 1500, reqMask: 0b01100, capMask: 0, group: 0, outOfCycle: false },
    ];
    const need = [0, 200, 1500, 800, 0];
    const input = { compiled, pieces, need, capLimit: LIMIT, notCreditedMask: 0, creditCount: 4 };
    const fast = allocateWith(input, true);
    expect(fast.solvedByLp).toBe(false);
    const lp = allocateWith(input, false);
    expectSameOptimum(summary(fast, pieces, 4, LIMIT, need), summary(lp, pieces, 4, LIMIT, need));
    expect([...fast.counted]).toEqual([200, 100, 1000, 1500]);
    expect(fast.served[1 * 4 + 0]).toBe(200);
  });

  it('leaves to the LP what the floors cannot settle', () => {
    // As above, but cultural competence can come from A or A2 (both in both caps; A2 is also live):
    // no single class is forced, so no floor rises, and the first attempt (which empties both) is
    // not certified: the LP decides.
    const pieces: Piece[] = [
      { credit: 0, level: 2, hours: 150, reqMask: 0b00010, capMask: 0b1010, group: 0, outOfCycle: false },
      { credit: 1, level: 2, hours: 150, reqMask: 0b01010, capMask: 0b1010, group: 0, outOfCycle: false },
      { credit: 2, level: 0, hours: 600, reqMask: 0, capMask: 0b1000, group: 0, outOfCycle: false },
      { credit: 3, level: 2, hours: 2000, reqMask: 0, capMask: 0b0010, group: 0, outOfCycle: false },
      { credit: 4, level: 0, hours: 1500, reqMask: 0b01100, capMask: 0, group: 0, outOfCycle: false },
    ];
    const need = [0, 200, 1500, 800, 0];
    const input = { compiled, pieces, need, capLimit: LIMIT, notCreditedMask: 0, creditCount: 5 };
    const fast = allocateWith(input, true);
    expect(fast.solvedByLp).toBe(true);
    const served = summary(fast, pieces, 5, LIMIT, need).served;
    expect(served[1]).toBe(200);
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
