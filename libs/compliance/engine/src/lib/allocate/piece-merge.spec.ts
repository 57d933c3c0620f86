/**
 * buildPieces merges two practice levels of one credit into one piece when they match the same
 * rules (docs/ENGINE.md "Performance"). That is exact: on random pieces (caps, a per-credit cap,
 * once-per-career pieces, a not-credited requirement), allocating the merged pieces gives the same
 * hours per credit toward the total and toward every requirement, and the same not-credited hours,
 * as allocating the unmerged ones — through the certified greedy and through the LP alike.
 */
import fc from 'fast-check';
import { allocateWith, type AllocationResult, type Piece } from './allocate';
import { LIMIT, NEED, compiled } from '../testing/allocation-rule-set';


const levelArb: fc.Arbitrary<Level> = fc.record({ hours: fc.integer({ min: 0, max: 500 }), reqs: fc.integer({ min: 0, max: 15 }), nonClinical: fc.boolean() });
const creditArb: fc.Arbitrary<RandomCredit> = fc.record({
  format: fc.integer({ min: 0, max: 3 }),
  old: fc.integer({ min: 0, max: 9 }),
  // Often the same matches on consecutive levels (the case the merge is for).
  same: fc.boolean(),
  levels: fc.tuple(levelArb, levelArb, levelArb),
});

interface Level {
  hours: number;
  reqs: number;
  nonClinical: boolean;
}

interface RandomCredit {
  format: number;
  old: number;
  same: boolean;
  levels: [Level, Level, Level];
}

function piecesOf(credits: readonly RandomCredit[], merge: boolean, notCreditedMask: number): Piece[] {
  const pieces: Piece[] = [];
  credits.forEach((c, credit) => {
    const formatCap = c.format === 1 ? 1 : c.format === 2 ? 4 : c.format === 3 ? 8 : 0;
    const first = pieces.length;
    c.levels.forEach((l, level) => {
      if (l.hours === 0) return;
      const base = c.same ? c.levels[0] : l;
      const outOfCycle = c.old === 0;
      const reqMask = outOfCycle ? 16 : base.reqs & 0b1111;
      const capMask = outOfCycle ? 0 : formatCap | (base.nonClinical ? 2 : 0);
      const previous = pieces[pieces.length - 1];
      if (merge && pieces.length > first && previous.reqMask === reqMask && previous.capMask === capMask && (reqMask & notCreditedMask) === 0) {
        previous.hours += l.hours;
        return;
      }
      pieces.push({ credit, level, hours: l.hours, reqMask, capMask, group: 0, outOfCycle });
    });
  });
  // Binding caps only, as buildPieces does (global sums, per-credit sums for the teaching cap).
  const sums = [0, 0, 0, 0];
  const teaching = credits.map(() => 0);
  for (const p of pieces) {
    for (let k = 0; k < 4; k++) {
      if ((p.capMask & (1 << k)) === 0) continue;
      if (k === 2) teaching[p.credit] += p.hours;
      else sums[k] += p.hours;
    }
  }
  for (const p of pieces) {
    let binding = 0;
    for (let k = 0; k < 4; k++) if ((p.capMask & (1 << k)) !== 0 && (k === 2 ? teaching[p.credit] : sums[k]) > LIMIT[k]) binding |= 1 << k;
    p.capMask = binding;
    p.group = (binding & 4) !== 0 ? p.credit + 1 : 0;
  }
  return pieces;
}

function perCredit(r: AllocationResult, pieces: readonly Piece[], creditCount: number): number[] {
  const counted = new Array<number>(creditCount).fill(0);
  pieces.forEach((p, i) => (counted[p.credit] += r.counted[i]));
  return counted;
}

describe('merging a credit’s levels that match the same rules', () => {
  it('changes no hours per credit, toward the total or any requirement', () => {
    let merged = 0;
    fc.assert(
      fc.property(fc.array(creditArb, { maxLength: 25 }), fc.boolean(), fc.boolean(), (credits, notCredited, fastPath) => {
        // Two not-credited requirements (ethics and cultural competence: one dimension, laid one after
        // the other on a class's line, where splitting a piece changes their per-piece maximum).
        const notCreditedMask = notCredited ? 0b0011 : 0;
        const split = piecesOf(credits, false, notCreditedMask);
        const joined = piecesOf(credits, true, notCreditedMask);
        if (joined.length < split.length) merged += 1;
        const input = { compiled, need: NEED, capLimit: LIMIT, notCreditedMask, creditCount: credits.length };
        const a = allocateWith({ ...input, pieces: split }, fastPath);
        const b = allocateWith({ ...input, pieces: joined }, fastPath);
        expect(b.solvedByLp).toBe(a.solvedByLp);
        expect(perCredit(b, joined, credits.length)).toEqual(perCredit(a, split, credits.length));
        expect(Array.from(b.served)).toEqual(Array.from(a.served));
        expect(Array.from(b.notCredited)).toEqual(Array.from(a.notCredited));
      }),
      { numRuns: 300 },
    );
    // The comparison is only meaningful if pieces were actually merged.
    expect(merged).toBeGreaterThan(100);
  });
});
