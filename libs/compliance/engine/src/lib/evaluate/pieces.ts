/**
 * Credits → pieces (one per practice level with hours) for the allocation, and the exclusions that
 * depend on it (over-cap, not-credited). A credit's pieces are contiguous: `pieceStart[ci]` ..
 * `pieceStart[ci + 1]`.
 */
import type { Exclusion } from '../model/evaluation.types';
import type { CompiledRuleSet } from '../compile/compile-rules';
import type { PieceTable } from '../allocate/allocate';
import { CAREER_ONLY, DUPLICATE, IN_CYCLE, NOT_ACCEPTED, OUTSIDE_CYCLE, type CreditTable } from './credits';
import { Float64Scratch, Int32Scratch } from '../allocate/scratch';

const round2 = (hundredths: number): number => Math.round(hundredths) / 100;

/** The pieces (reused buffers) plus each piece's active caps before the binding filter, and each credit's first piece. */
export interface PieceBuild {
  pieces: PieceTable;
  rawCaps: Int32Array;
  /** Credit `ci`'s pieces are `pieceStart[ci]` .. `pieceStart[ci + 1]`. */
  pieceStart: Int32Array;
}

const build: PieceBuild = {
  pieces: {
    count: 0,
    credit: new Int32Array(64),
    level: new Int32Array(64),
    hours: new Int32Array(64),
    reqMask: new Int32Array(64),
    capMask: new Int32Array(64),
    group: new Int32Array(64),
    outOfCycle: new Uint8Array(64),
  },
  rawCaps: new Int32Array(64),
  pieceStart: new Int32Array(64),
};

function reserve(pieceCount: number, creditCount: number): void {
  const p = build.pieces;
  if (p.credit.length < pieceCount) {
    const size = pieceCount * 2;
    p.credit = new Int32Array(size);
    p.level = new Int32Array(size);
    p.hours = new Int32Array(size);
    p.reqMask = new Int32Array(size);
    p.capMask = new Int32Array(size);
    p.group = new Int32Array(size);
    p.outOfCycle = new Uint8Array(size);
    build.rawCaps = new Int32Array(size);
  }
  if (build.pieceStart.length < creditCount + 1) build.pieceStart = new Int32Array(creditCount * 2 + 1);
}

const capSumScratch = new Float64Scratch();
const creditSumScratch = new Float64Scratch();
const creditBindingScratch = new Int32Scratch();

export function buildPieces(
  compiled: CompiledRuleSet,
  credits: CreditTable,
  activeReqs: number,
  careerReqs: number,
  activeCaps: number,
  capLimit: ArrayLike<number>,
  perCreditMask: number,
  notCreditedMask: number,
): PieceBuild {
  const n = credits.count;
  reserve(3 * n, n);
  const { pieces, rawCaps, pieceStart } = build;
  const { credit: pCredit, level: pLevel, hours: pHours, reqMask: pReq, capMask: pCap, group: pGroup, outOfCycle: pOut } = pieces;
  const { status, levels, reqMatch, capMatch, capExempt } = credits;
  const capCount = compiled.caps.length;
  const capSum = capSumScratch.get(capCount);
  // One credit's hours per per-credit cap (reset after each credit), and the per-credit caps each
  // credit exceeds (written for every credit with pieces).
  const creditSum = creditSumScratch.get(capCount);
  const creditBinding = creditBindingScratch.take(n);
  const reqLevel = compiled.reqLevelMask;
  const capLevel = compiled.capLevelMask;
  const negate = compiled.negateMask;
  let count = 0;
  for (let ci = 0; ci < n; ci++) {
    pieceStart[ci] = count;
    const st = status[ci];
    if (st !== IN_CYCLE && st !== CAREER_ONLY) continue;
    const outOfCycle = st === CAREER_ONLY;
    const creditReqs = reqMatch[ci] & (outOfCycle ? careerReqs : activeReqs);
    const creditCaps = capMatch[ci];
    // Caps the credit's topics are exempt from (`exceptTopics`), removed after negation.
    const creditActiveCaps = activeCaps & ~capExempt[ci];
    const first = count;
    for (let level = 0; level < 3; level++) {
      const hours = levels[3 * ci + level];
      if (hours <= 0) continue;
      const reqMask = creditReqs & reqLevel[level];
      if (outOfCycle && reqMask === 0) continue;
      const caps = outOfCycle ? 0 : ((creditCaps & capLevel[level]) ^ negate) & creditActiveCaps;
      // Two levels of one credit with the same matches are one piece: they are interchangeable and
      // adjacent on their class's line, so every count is the same (not where a not-credited
      // requirement is involved: its share of a piece is a maximum over the piece, not a sum).
      if (count > first && pReq[count - 1] === reqMask && rawCaps[count - 1] === caps && (reqMask & notCreditedMask) === 0) {
        pHours[count - 1] += hours;
      } else {
        pCredit[count] = ci;
        pLevel[count] = level;
        pHours[count] = hours;
        pReq[count] = reqMask;
        pOut[count] = outOfCycle ? 1 : 0;
        // `capMask` and `group` are written below, once the binding caps are known.
        rawCaps[count] = caps;
        count += 1;
      }
      for (let rest = caps & ~perCreditMask; rest !== 0; rest &= rest - 1) capSum[31 - Math.clz32(rest & -rest)] += hours;
      for (let rest = caps & perCreditMask; rest !== 0; rest &= rest - 1) creditSum[31 - Math.clz32(rest & -rest)] += hours;
    }
    let exceeded = 0;
    for (let rest = perCreditMask; rest !== 0; rest &= rest - 1) {
      const k = 31 - Math.clz32(rest & -rest);
      if (creditSum[k] > capLimit[k]) exceeded |= 1 << k;
      creditSum[k] = 0;
    }
    creditBinding[ci] = exceeded;
  }
  pieceStart[n] = count;
  pieces.count = count;
  // Only caps that could bind enter the LP: the others cannot change the optimum. A piece's binding
  // caps: the global caps whose hours exceed their limit, and the per-credit caps its credit exceeds.
  let globalBinding = 0;
  for (let k = 0; k < capCount; k++) if ((perCreditMask & (1 << k)) === 0 && capSum[k] > capLimit[k]) globalBinding |= 1 << k;
  // Credit by credit (its pieces are contiguous): its binding caps and group are read once, not per piece.
  for (let ci = 0, i = 0; i < count; ci++) {
    const end = pieceStart[ci + 1];
    if (i === end) continue;
    const capsHere = globalBinding | creditBinding[ci];
    const groupHere = ci + 1;
    for (; i < end; i++) {
      const binding = rawCaps[i] & capsHere;
      pCap[i] = binding;
      pGroup[i] = (binding & perCreditMask) !== 0 ? groupHere : 0;
    }
  }
  return build;
}

const DETAIL = {
  duplicate: 'Same credit id as another credit in the transcript',
  'outside-cycle': 'Completed outside the renewal cycle',
} as const;

const lostByCapScratch = new Float64Scratch();

/**
 * Exclusions per credit in credit order. `creditCounted`: hours counted per credit. `blameMask`: the
 * caps to name first for lost hours (reached caps and per-credit caps); otherwise the first cap the
 * hours match.
 */
export function buildExclusions(
  compiled: CompiledRuleSet,
  credits: CreditTable,
  build: PieceBuild,
  counted: Int32Array,
  creditCounted: Int32Array,
  blameMask: number,
  notCredited: Int32Array,
): Exclusion[] {
  const out: Exclusion[] = [];
  const capCount = compiled.caps.length;
  // Lost hours per blamed cap, at index cap + 1 (0: no cap matched); reset after each credit.
  const lostByCap = lostByCapScratch.get(capCount + 1);
  const { status, levels } = credits;
  const list = credits.credits;
  const { pieces, rawCaps, pieceStart } = build;
  const pHours = pieces.hours;
  for (let ci = 0; ci < credits.count; ci++) {
    const st = status[ci];
    // Every hour counted (no piece counts more than its hours): nothing excluded.
    if (st === IN_CYCLE && creditCounted[ci] === levels[3 * ci] + levels[3 * ci + 1] + levels[3 * ci + 2]) continue;
    const id = list[ci].id;
    const total = levels[3 * ci] + levels[3 * ci + 1] + levels[3 * ci + 2];
    if (st === DUPLICATE) {
      out.push({ creditId: id, hours: round2(total), reason: 'duplicate', detail: DETAIL.duplicate });
      continue;
    }
    if (st === NOT_ACCEPTED) {
      out.push({ creditId: id, hours: round2(total), reason: 'approval-not-accepted', detail: compiled.notAcceptedDetail });
      continue;
    }
    if (st === OUTSIDE_CYCLE) {
      out.push({ creditId: id, hours: round2(total), reason: 'outside-cycle', detail: DETAIL['outside-cycle'] });
      continue;
    }
    if (st === CAREER_ONLY) {
      out.push({ creditId: id, hours: round2(total), reason: 'outside-cycle', detail: 'Completed before the cycle: counts only toward requirements that accept earlier courses (once per career, or once every few years)' });
      continue;
    }
    const from = pieceStart[ci];
    const to = pieceStart[ci + 1];
    // Uncounted hours: first the part that served not-credited requirements, the rest is over a cap.
    let nt = notCredited[ci];
    let countedHere = 0;
    // Slots of `lostByCap` written for this credit (bit per slot; caps are at most 31).
    let lostSlots = 0;
    for (let i = from; i < to; i++) {
      countedHere += counted[i];
      let lost = pHours[i] - counted[i];
      const ntHere = Math.min(lost, nt);
      nt -= ntHere;
      lost -= ntHere;
      if (lost <= 0) continue;
      const mask = rawCaps[i];
      const preferred = mask & blameMask;
      const pick = preferred !== 0 ? preferred : mask;
      const slot = pick === 0 ? 0 : 32 - Math.clz32(pick & -pick);
      lostByCap[slot] += lost;
      lostSlots |= 1 << slot;
    }
    const ntTotal = Math.min(notCredited[ci], total - countedHere);
    if (ntTotal > 0) {
      out.push({ creditId: id, hours: round2(ntTotal), reason: 'not-credited', detail: 'Serves a requirement whose hours are not credited toward the total' });
    }
    // The written slots only, in slot order.
    for (let rest = lostSlots; rest !== 0; rest &= rest - 1) {
      const slot = 31 - Math.clz32(rest & -rest);
      const lost = lostByCap[slot];
      lostByCap[slot] = 0;
      const k = slot - 1;
      const cap = k >= 0 ? compiled.caps[k] : undefined;
      if (!cap) {
        out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: 'Hours above a cap' });
        continue;
      }
      out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: cap.overCapDetail, ruleCode: cap.rule.code });
    }
  }
  return out;
}
