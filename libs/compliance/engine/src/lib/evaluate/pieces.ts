/**
 * Credits → pieces (one per practice level with hours) for the allocation, and the exclusions that
 * depend on it (over-cap, not-credited). A credit's pieces are contiguous: `pieceStart[ci]` ..
 * `pieceStart[ci + 1]`.
 */
import type { Exclusion } from '../model/evaluation.types';
import type { Cap } from '../model/rule-set.types';
import type { CompiledRuleSet } from '../compile/compile-rules';
import type { Piece } from '../allocate/allocate';
import { capMask, requirementMask, type IntakeCredit } from './credits';
import type { CapState } from './plan';
import { scratchFloat64 } from '../allocate/scratch';

const round2 = (hundredths: number): number => Math.round(hundredths) / 100;

export function buildPieces(
  compiled: CompiledRuleSet,
  credits: readonly IntakeCredit[],
  activeReqs: number,
  careerReqs: number,
  activeCaps: number,
  capLimit: readonly number[],
): { pieces: Piece[]; rawCaps: number[]; pieceStart: Int32Array } {
  const pieces: Piece[] = [];
  const rawCaps: number[] = [];
  const pieceStart = new Int32Array(credits.length + 1);
  const capCount = compiled.caps.length;
  const capSum = scratchFloat64('capSum', capCount);
  let perCreditMask = 0;
  for (const k of compiled.caps) if (k.perCredit) perCreditMask |= 1 << k.index;
  // Per-credit cap sums: index cap * credits + credit.
  const perCreditSum = perCreditMask === 0 ? null : scratchFloat64('perCreditSum', capCount * credits.length);
  for (let ci = 0; ci < credits.length; ci++) {
    pieceStart[ci] = pieces.length;
    const c = credits[ci];
    if (c.status !== 'in-cycle' && c.status !== 'career-only') continue;
    const outOfCycle = c.status === 'career-only';
    for (let level = 0; level < 3; level++) {
      const hours = c.levels[level];
      if (hours <= 0) continue;
      const reqMask = requirementMask(compiled, c.reqMatch, level, outOfCycle ? careerReqs : activeReqs);
      if (outOfCycle && reqMask === 0) continue;
      const caps = outOfCycle ? 0 : capMask(compiled, c.capMatch, level, activeCaps);
      pieces.push({ credit: ci, level, hours, reqMask, capMask: caps, group: 0, outOfCycle });
      rawCaps.push(caps);
      for (let rest = caps; rest !== 0; rest &= rest - 1) {
        const k = 31 - Math.clz32(rest & -rest);
        if (perCreditSum !== null && (perCreditMask & (1 << k)) !== 0) perCreditSum[k * credits.length + ci] += hours;
        else capSum[k] += hours;
      }
    }
  }
  pieceStart[credits.length] = pieces.length;
  // Only caps that could bind enter the LP: the others cannot change the optimum.
  for (const p of pieces) {
    let binding = 0;
    let group = 0;
    for (let rest = p.capMask; rest !== 0; rest &= rest - 1) {
      const k = 31 - Math.clz32(rest & -rest);
      const perCredit = perCreditSum !== null && (perCreditMask & (1 << k)) !== 0;
      const sum = perCredit ? perCreditSum[k * credits.length + p.credit] : capSum[k];
      if (sum > capLimit[k]) {
        binding |= 1 << k;
        if (perCredit) group = p.credit + 1;
      }
    }
    p.capMask = binding;
    p.group = group;
  }
  return { pieces, rawCaps, pieceStart };
}

const DETAIL = {
  duplicate: 'Same credit id as another credit in the transcript',
  'outside-cycle': 'Completed outside the renewal cycle',
  'approval-not-accepted': 'None of its approvals is accepted by this board',
} as const;

export function buildExclusions(
  compiled: CompiledRuleSet,
  credits: readonly IntakeCredit[],
  pieces: readonly Piece[],
  pieceStart: Int32Array,
  counted: Int32Array,
  rawCaps: readonly number[],
  caps: readonly CapState[],
  notCredited: Int32Array,
): Exclusion[] {
  const out: Exclusion[] = [];
  // Lost hours per blamed cap, at index cap + 1 (0: no cap matched); reset after each credit.
  const lostByCap = scratchFloat64('lostByCap', compiled.caps.length + 1);
  for (let ci = 0; ci < credits.length; ci++) {
    const c = credits[ci];
    const id = c.credit.id;
    const status = c.status;
    if (status === 'duplicate' || status === 'approval-not-accepted' || status === 'outside-cycle') {
      out.push({ creditId: id, hours: round2(c.levels[0] + c.levels[1] + c.levels[2]), reason: status, detail: DETAIL[status] });
      continue;
    }
    if (status === 'career-only') {
      out.push({ creditId: id, hours: round2(c.levels[0] + c.levels[1] + c.levels[2]), reason: 'outside-cycle', detail: 'Completed before the cycle: counts only toward once-per-career requirements' });
      continue;
    }
    const from = pieceStart[ci];
    const to = pieceStart[ci + 1];
    let all = true;
    for (let i = from; i < to; i++) if (counted[i] !== pieces[i].hours) all = false;
    if (all) continue;
    // Uncounted hours: first the part that served not-credited requirements, the rest is over a cap.
    let nt = notCredited[ci];
    let countedHere = 0;
    let anyLost = false;
    for (let i = from; i < to; i++) {
      countedHere += counted[i];
      let lost = pieces[i].hours - counted[i];
      const ntHere = Math.min(lost, nt);
      nt -= ntHere;
      lost -= ntHere;
      if (lost <= 0) continue;
      lostByCap[blamedCap(caps, rawCaps[i]) + 1] += lost;
      anyLost = true;
    }
    const ntTotal = Math.min(notCredited[ci], c.levels[0] + c.levels[1] + c.levels[2] - countedHere);
    if (ntTotal > 0) {
      out.push({ creditId: id, hours: round2(ntTotal), reason: 'not-credited', detail: 'Serves a requirement whose hours are not credited toward the total' });
    }
    if (!anyLost) continue;
    for (let slot = 0; slot <= compiled.caps.length; slot++) {
      const lost = lostByCap[slot];
      if (lost === 0) continue;
      lostByCap[slot] = 0;
      const k = slot - 1;
      const cap = k >= 0 ? compiled.caps[k].rule : undefined;
      if (!cap) {
        out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: 'Hours above a cap' });
        continue;
      }
      out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: capDetail(cap), ruleCode: cap.code });
    }
  }
  return out;
}

/** The cap to name for lost hours: the first reached (or per-credit) cap the hours match, else the first matched. */
function blamedCap(caps: readonly CapState[], mask: number): number {
  let fallback = -1;
  for (const s of caps) {
    if ((mask & (1 << s.cap.index)) === 0) continue;
    if (s.reached || s.cap.perCredit) return s.cap.index;
    if (fallback < 0) fallback = s.cap.index;
  }
  return fallback;
}

/** The over-cap sentence depends on the cap rule only: built once per rule object. */
const capDetails = new WeakMap<Cap, string>();

function capDetail(cap: Cap): string {
  let detail = capDetails.get(cap);
  if (detail === undefined) {
    detail = `${cap.label}: hours above the ${capText(cap.max)} cap (${cap.source.citation})`;
    capDetails.set(cap, detail);
  }
  return detail;
}

function capText(max: Cap['max']): string {
  return 'hours' in max ? `${max.hours}-hour` : `${Math.round(max.shareOfTotal * 100)}%`;
}
