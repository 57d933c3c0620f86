/**
 * Back to credits (docs/ENGINE.md "Back to credits"): per class, each requirement's hours are laid
 * on the class's line of hours by first fit so that conflicting requirements never overlap, and the
 * line is cut into the class's pieces (credit order).
 */
import type { AllocationModel, AllocationResult, TableInput } from './allocate';
import { Float64Scratch, Int32Scratch } from './scratch';

const countedScratch = new Int32Scratch();
const servedScratch = new Int32Scratch();
const notCreditedScratch = new Int32Scratch();
const servedBitsScratch = new Int32Scratch();
const creditCountedScratch = new Int32Scratch();
const capCountedScratch = new Float64Scratch();

/** Intervals of one class's line, as parallel arrays (reused: disaggregation is synchronous). */
let ivReq: Int32Array = new Int32Array(64);
let ivStart: Int32Array = new Int32Array(64);
let ivEnd: Int32Array = new Int32Array(64);
let ivCount = 0;
/** Scratch for one placement: indices of the blockers, and the candidate start points. */
let blockers: Int32Array = new Int32Array(64);
let candidates: Float64Array = new Float64Array(65);

function grow(size: number): void {
  if (ivReq.length >= size) return;
  const copy = (a: Int32Array): Int32Array => {
    const b = new Int32Array(size * 2);
    b.set(a);
    return b;
  };
  ivReq = copy(ivReq);
  ivStart = copy(ivStart);
  ivEnd = copy(ivEnd);
  blockers = new Int32Array(size * 2);
  candidates = new Float64Array(size * 2 + 1);
}

/** Per piece counted hours, per (requirement, credit) served hours: reused buffers, valid until the next call. */
export function disaggregate(input: TableInput, model: AllocationModel, values: Int32Array, solvedByLp: boolean): AllocationResult {
  const { pieces, notCreditedMask, creditCount, rawCaps } = input;
  const creditCounted = creditCountedScratch.get(creditCount);
  const capCounted = capCountedScratch.get(model.compiled.caps.length);
  const counted = countedScratch.take(pieces.count);
  const served = servedScratch.get(model.requirementCount * creditCount);
  const notCredited = notCreditedScratch.get(creditCount);
  const words = (creditCount + 31) >>> 5;
  const servedBits = servedBitsScratch.get(model.requirementCount * words);
  const pHours = pieces.hours;
  const pCredit = pieces.credit;
  const { classCount, hours, reqMask, outOfCycle, x: xVar, firstPiece, nextPiece } = model;
  for (let c = 0; c < classCount; c++) {
    const out = outOfCycle[c] !== 0;
    const x = out ? 0 : xVar[c] >= 0 ? values[xVar[c]] : hours[c];
    ivCount = 0;
    const countedLine = out ? hours[c] : x;
    const countedMask = out ? reqMask[c] : reqMask[c] & ~notCreditedMask;
    placeAll(model, c, values, countedMask, 0, countedLine);
    if ((reqMask[c] & ~countedMask) !== 0) placeAll(model, c, values, reqMask[c] & ~countedMask, x, hours[c]);
    let offset = 0;
    for (let pi = firstPiece[c]; pi >= 0; pi = nextPiece[pi]) {
      const start = offset;
      const end = offset + pHours[pi];
      const credit = pCredit[pi];
      const here = Math.max(0, Math.min(end, x) - start);
      counted[pi] = here;
      // Counted sums per credit and per cap, here rather than in another pass over the pieces.
      if (here !== 0) {
        creditCounted[credit] += here;
        if (rawCaps !== undefined) for (let rest = rawCaps[pi]; rest !== 0; rest &= rest - 1) capCounted[31 - Math.clz32(rest & -rest)] += here;
      }
      let ntHere = 0;
      for (let k = 0; k < ivCount; k++) {
        const overlap = Math.min(end, ivEnd[k]) - Math.max(start, ivStart[k]);
        if (overlap <= 0) continue;
        const req = ivReq[k];
        served[req * creditCount + credit] += overlap;
        servedBits[req * words + (credit >>> 5)] |= 1 << (credit & 31);
        // Not-credited requirements may share an hour among themselves, so the piece loses their maximum.
        if (!out && (notCreditedMask & (1 << req)) !== 0 && overlap > ntHere) ntHere = overlap;
      }
      notCredited[credit] += ntHere;
      offset = end;
    }
  }
  return { counted, served, servedBits, creditCounted, capCounted, notCredited, solvedByLp };
}

/**
 * First-fit placement: conflicting requirements never overlap on the line. For each requirement (in
 * index order) the candidate starts are the line start and the ends of the conflicting intervals
 * still on the line; the first candidate with room for all its hours wins, else the longest room.
 */
function placeAll(model: AllocationModel, c: number, values: Int32Array, mask: number, lineStart: number, lineEnd: number): void {
  const { yVar, fixed, requirementCount: R } = model;
  const conflicts = model.compiled.conflicts;
  for (let rest = mask; rest !== 0; rest &= rest - 1) {
    const j = 31 - Math.clz32(rest & -rest);
    const v = yVar[c * R + j];
    const amount = v < 0 ? fixed[c * R + j] : values[v];
    if (amount <= 0) continue;
    grow(ivCount + 1);
    let nb = 0;
    for (let k = 0; k < ivCount; k++) if ((conflicts[j] & (1 << ivReq[k])) !== 0 && ivEnd[k] > lineStart) blockers[nb++] = k;
    candidates[0] = lineStart;
    for (let b = 0; b < nb; b++) candidates[b + 1] = ivEnd[blockers[b]];
    // Insertion sort: a handful of candidates at most.
    for (let i = 1; i <= nb; i++) {
      const value = candidates[i];
      let k = i - 1;
      while (k >= 0 && candidates[k] > value) {
        candidates[k + 1] = candidates[k];
        k -= 1;
      }
      candidates[k + 1] = value;
    }
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i <= nb; i++) {
      const s = candidates[i];
      let nextBlock = lineEnd;
      let covered = false;
      for (let b = 0; b < nb; b++) {
        const k = blockers[b];
        if (ivEnd[k] > s && ivStart[k] < nextBlock) nextBlock = Math.max(s, ivStart[k]);
        if (ivStart[k] <= s && ivEnd[k] > s) covered = true;
      }
      if (covered) continue;
      const len = Math.min(amount, nextBlock - s);
      if (len === amount) {
        bestStart = s;
        bestLen = len;
        break;
      }
      if (len > 0 && (bestStart < 0 || len > bestLen)) {
        bestStart = s;
        bestLen = len;
      }
    }
    if (bestStart >= 0) {
      ivReq[ivCount] = j;
      ivStart[ivCount] = bestStart;
      ivEnd[ivCount] = bestStart + bestLen;
      ivCount += 1;
    }
  }
}
