/**
 * Optimal allocation of credit hours to requirements (docs/ENGINE.md "Allocation").
 *
 * Hours are integer hundredths. Credit hours are split into pieces (credit × practice level); pieces
 * with the same signature (requirements matched, binding caps matched, per-credit cap group,
 * out-of-cycle flag) are interchangeable and are aggregated into classes, so the LP stays tiny
 * whatever the number of credits. The LP over classes:
 *   x_c  hours of class c counted toward the total (a constant h_c when no binding cap or
 *        not-credited requirement touches the class),
 *   y_cj hours of class c serving requirement j,
 * subject to caps (Σ x ≤ limit), requirement needs (Σ_c y_cj ≤ need_j), and, per class and per maximal
 * clique Q of the conflict graph (same dimension, `overlap.exclusive`, minus `mayShare`),
 * Σ_{j∈Q} y_cj ≤ x_c: an hour serves at most one requirement of any conflicting set.
 * Objective: W·Σy + Σx with W larger than any Σx, i.e. first the hours toward minimums, then the total.
 */
import type { CompiledRuleSet } from '../compile/compile-rules';
import { certifiedGreedy } from './certified-greedy';
import { disaggregate } from './disaggregate';
import { solveLp } from './lp-model';
import { Float64Scratch, Int32Scratch } from './scratch';

export interface Piece {
  /** Index of the credit in the evaluation's sorted credit list. */
  credit: number;
  /** Practice level index (0 clinical, 1 macro, 2 general). */
  level: number;
  /** Hundredths of an hour. */
  hours: number;
  /** Active requirements with a positive need matched by these hours. */
  reqMask: number;
  /** Binding caps matched by these hours. */
  capMask: number;
  /** Credit index + 1 when the credit exceeds a binding per-credit cap, else 0. */
  group: number;
  /** Completed before the cycle: may only serve once-per-career requirements, never the total. */
  outOfCycle: boolean;
}

/** Pieces as parallel arrays (same fields as `Piece`; `outOfCycle` as 0/1), entries 0 .. count-1. */
export interface PieceTable {
  count: number;
  credit: Int32Array;
  level: Int32Array;
  hours: Int32Array;
  reqMask: Int32Array;
  capMask: Int32Array;
  group: Int32Array;
  outOfCycle: Uint8Array;
}

export interface AllocationInput {
  compiled: CompiledRuleSet;
  pieces: readonly Piece[];
  /** Per requirement index: hundredths still needed from credits (0 = inactive or already met). */
  need: ArrayLike<number>;
  /** Per cap index: limit in hundredths (only read for caps present in some piece's capMask). */
  capLimit: ArrayLike<number>;
  /** Requirements whose hours are not credited toward the total (countsTowardTotal: false). */
  notCreditedMask: number;
  /** Number of credits (pieces refer to credits by index). */
  creditCount: number;
}

/** `AllocationInput` with the pieces as a table: what `evaluate` passes. */
export interface TableInput {
  compiled: CompiledRuleSet;
  pieces: PieceTable;
  need: ArrayLike<number>;
  capLimit: ArrayLike<number>;
  notCreditedMask: number;
  creditCount: number;
  /** Per piece: every cap it matches (binding or not), for `capCounted`; absent = no cap sums. */
  rawCaps?: Int32Array;
}

export interface AllocationResult {
  /** Per piece: hundredths counted toward the total. */
  counted: Int32Array;
  /** Hundredths of credit `ci` serving requirement `j`, at index `j * creditCount + ci`. */
  served: Int32Array;
  /**
   * Which credits served each requirement: bit `ci` of words `j * ⌈creditCount / 32⌉ ..` is set when
   * `served[j * creditCount + ci]` may be positive (the credits a requirement's allocations list).
   */
  servedBits: Int32Array;
  /** Per credit: hundredths counted toward the total (the sum of `counted` over its pieces). */
  creditCounted: Int32Array;
  /** Per cap: counted hundredths of the pieces whose `rawCaps` include it (zeros without `rawCaps`). */
  capCounted: Float64Array;
  /** Per credit: in-cycle hundredths that served not-credited requirements (outside the counted part). */
  notCredited: Int32Array;
  /** Whether the simplex ran (false: no variable left, or the certified greedy was optimal). */
  solvedByLp: boolean;
}

export interface CapRow {
  cap: number;
  limit: number;
  classes: number[];
}

/**
 * Aggregated pieces, as parallel arrays indexed by class id (ids in order of first piece). Per
 * class and requirement data live in flat arrays (`yVar`, `fixed`: index class * requirementCount + j).
 */
export interface AllocationModel {
  compiled: CompiledRuleSet;
  classCount: number;
  /** Hundredths, requirements matched, binding caps matched, per-credit cap group, out-of-cycle flag. */
  hours: Int32Array;
  reqMask: Int32Array;
  capMask: Int32Array;
  group: Int32Array;
  outOfCycle: Uint8Array;
  /** x variable index, -1 = counted hours fixed at `hours` (or 0 out of the cycle). */
  x: Int32Array;
  /** Maximal cliques of the class's counted requirements, and of its not-credited ones (entries 0 .. classCount-1). */
  cliques: (readonly number[])[];
  ntCliques: (readonly number[])[];
  /** The class's pieces in piece order: its first piece, then `nextPiece` per piece (-1 = last). */
  firstPiece: Int32Array;
  nextPiece: Int32Array;
  requirementCount: number;
  /** y variable index per class and requirement, -1 = none. */
  yVar: Int32Array;
  /** Hours fixed by the presolve per class and requirement (see `presolve`). */
  fixed: Int32Array;
  /** Requirements filled by the presolve. */
  free: number;
  capRows: CapRow[];
  /** Number of LP variables, and the objective coefficient per variable (W for y, 1 for x). */
  variableCount: number;
  objective: Float64Array;
  need: ArrayLike<number>;
  notCreditedMask: number;
}

const NO_CLIQUES: readonly number[] = [];
const NO_VALUES = new Int32Array(0);

const classHours = new Int32Scratch();
const classReq = new Int32Scratch();
const classCap = new Int32Scratch();
const classGroup = new Int32Scratch();
const classX = new Int32Scratch();
const classFirst = new Int32Scratch();
const classLast = new Int32Scratch();
const pieceNext = new Int32Scratch();
const slots = new Int32Scratch();
const yVarScratch = new Int32Scratch();
const fixedScratch = new Int32Scratch();
const objectiveScratch = new Float64Scratch();
const rowOfCapScratch = new Int32Scratch();
let classOut = new Uint8Array(64);
/** Direct class lookup by signature (see buildClasses): generation stamps and class ids. */
const directStamp = new Int32Array(1 << 16);
const directClass = new Int32Array(1 << 16);
let generation = 0;
const cliqueLists: (readonly number[])[] = [];
const ntCliqueLists: (readonly number[])[] = [];

function buildClasses(compiled: CompiledRuleSet, pieces: PieceTable, notCreditedMask: number): AllocationModel {
  const count = pieces.count;
  // Written when a class is created (ids 0 .. n-1), before any read.
  const hours = classHours.take(count);
  const reqMask = classReq.take(count);
  const capMask = classCap.take(count);
  const group = classGroup.take(count);
  const x = classX.get(count, -1);
  const firstPiece = classFirst.take(count);
  const lastPiece = classLast.take(count);
  const nextPiece = pieceNext.get(count, -1);
  if (classOut.length < count) classOut = new Uint8Array(count * 2);
  const outOfCycle = classOut;
  // Open addressing on the signature (requirements, binding caps, group, out-of-cycle).
  let size = 64;
  while (size < count * 2) size *= 2;
  const slot = slots.get(size, -1);
  const mask = size - 1;
  const pReq = pieces.reqMask;
  const pCap = pieces.capMask;
  const pGroup = pieces.group;
  const pOut = pieces.outOfCycle;
  const pHours = pieces.hours;
  // Signatures without a per-credit group whose masks fit 16 bits index a table directly (entries
  // are valid when stamped with this call's generation); the others go through the hash table.
  const R = compiled.requirements.length;
  const K = compiled.caps.length;
  const direct = R + K < 16;
  generation += 1;
  if (generation === 0x7fffffff) {
    directStamp.fill(0);
    generation = 1;
  }
  const stamp = generation;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const r = pReq[i];
    const k = pCap[i];
    const g = pGroup[i];
    const o = pOut[i];
    let key = -1;
    let h = 0;
    let c: number;
    if (direct && g === 0 && r >>> R === 0 && k >>> K === 0) {
      key = r | (k << R) | (o << (R + K));
      c = directStamp[key] === stamp ? directClass[key] : -1;
    } else {
      h = (Math.imul(r, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77) ^ Math.imul(g + 7, 0xc2b2ae3d) ^ o) >>> 0;
      h = (h ^ (h >>> 15)) & mask;
      c = slot[h];
      while (c >= 0 && (reqMask[c] !== r || capMask[c] !== k || group[c] !== g || outOfCycle[c] !== o)) {
        h = (h + 1) & mask;
        c = slot[h];
      }
    }
    if (c < 0) {
      c = n++;
      if (key >= 0) {
        directStamp[key] = stamp;
        directClass[key] = c;
      } else slot[h] = c;
      reqMask[c] = r;
      capMask[c] = k;
      group[c] = g;
      outOfCycle[c] = o;
      hours[c] = 0;
      const countedMask = o !== 0 ? r : r & ~notCreditedMask;
      const ntMask = o !== 0 ? 0 : r & notCreditedMask;
      cliqueLists[c] = compiled.cliques(countedMask);
      ntCliqueLists[c] = ntMask === 0 ? NO_CLIQUES : compiled.cliques(ntMask);
      firstPiece[c] = i;
    } else nextPiece[lastPiece[c]] = i;
    lastPiece[c] = i;
    hours[c] += pHours[i];
  }
  return {
    compiled,
    classCount: n,
    hours,
    reqMask,
    capMask,
    group,
    outOfCycle,
    x,
    cliques: cliqueLists,
    ntCliques: ntCliqueLists,
    firstPiece,
    nextPiece,
    requirementCount: compiled.requirements.length,
    yVar: yVarScratch.get(0),
    fixed: fixedScratch.get(0),
    free: 0,
    capRows: [],
    variableCount: 0,
    objective: objectiveScratch.get(0),
    need: [],
    notCreditedMask,
  };
}

/** Allocation of a table of pieces. The result's arrays are reused buffers, valid until the next call. */
export function allocate(input: TableInput): AllocationResult {
  return allocateTable(input, true);
}

function allocateTable(input: TableInput, fastPath: boolean): AllocationResult {
  const model = buildModel(input);
  if (model.variableCount === 0) return disaggregate(input, model, NO_VALUES, false);
  const fast = fastPath ? certifiedGreedy(model) : null;
  if (fast) return disaggregate(input, model, fast, false);
  return disaggregate(input, model, solveLp(model), true);
}

/** `fastPath: false` always solves the LP (tests compare both paths). Results are fresh arrays. */
export function allocateWith(input: AllocationInput, fastPath: boolean): AllocationResult {
  const count = input.pieces.length;
  const table: PieceTable = {
    count,
    credit: new Int32Array(count),
    level: new Int32Array(count),
    hours: new Int32Array(count),
    reqMask: new Int32Array(count),
    capMask: new Int32Array(count),
    group: new Int32Array(count),
    outOfCycle: new Uint8Array(count),
  };
  input.pieces.forEach((p, i) => {
    table.credit[i] = p.credit;
    table.level[i] = p.level;
    table.hours[i] = p.hours;
    table.reqMask[i] = p.reqMask;
    table.capMask[i] = p.capMask;
    table.group[i] = p.group;
    table.outOfCycle[i] = p.outOfCycle ? 1 : 0;
  });
  const r = allocateTable({ ...input, pieces: table }, fastPath);
  return {
    counted: r.counted.slice(0, count),
    served: r.served.slice(0, input.compiled.requirements.length * input.creditCount),
    servedBits: r.servedBits.slice(0, input.compiled.requirements.length * ((input.creditCount + 31) >>> 5)),
    notCredited: r.notCredited.slice(0, input.creditCount),
    creditCounted: r.creditCounted.slice(0, input.creditCount),
    capCounted: r.capCounted.slice(0, input.compiled.caps.length),
    solvedByLp: r.solvedByLp,
  };
}

function buildModel(input: TableInput): AllocationModel {
  const { compiled, pieces, need, capLimit, notCreditedMask } = input;
  const model = buildClasses(compiled, pieces, notCreditedMask);
  const n = model.classCount;
  const R = model.requirementCount;
  const yVar = yVarScratch.get(n * R, -1);
  const fixed = fixedScratch.get(n * R);
  model.yVar = yVar;
  model.fixed = fixed;
  model.need = need;
  const { hours, reqMask, capMask, group, x } = model;
  let totalHours = 0;
  for (let c = 0; c < n; c++) totalHours += hours[c];
  const weight = totalHours + 1;

  const free = presolve(model);
  model.free = free;
  // Variable indices: per class, x (when needed) then its open requirements' y, in class order. At
  // most one x and R y per class: the objective buffer is sized for that and written in one pass
  // (entries 0 .. variables-1, all written; nothing reads beyond them).
  const objective = objectiveScratch.take(n * (R + 1));
  let variables = 0;
  for (let c = 0; c < n; c++) {
    if (needsX(model, c)) {
      x[c] = variables;
      objective[variables++] = 1;
    }
    for (let rest = reqMask[c] & ~free; rest !== 0; rest &= rest - 1) {
      yVar[c * R + 31 - Math.clz32(rest & -rest)] = variables;
      objective[variables++] = weight;
    }
  }
  model.objective = objective;
  model.variableCount = variables;
  // Caps: global ones over every class, per-credit ones within each credit group; rows in order of
  // first appearance (class order, then cap index).
  const capRows: CapRow[] = [];
  const caps = compiled.caps;
  // A global cap has one row: found by index (-1 until created). Per-credit caps search their rows.
  const rowOfCap = rowOfCapScratch.get(caps.length, -1);
  for (let c = 0; c < n; c++) {
    for (let rest = capMask[c]; rest !== 0; rest &= rest - 1) {
      const k = 31 - Math.clz32(rest & -rest);
      let row: CapRow | undefined;
      if (!caps[k].perCredit) {
        if (rowOfCap[k] >= 0) row = capRows[rowOfCap[k]];
        else rowOfCap[k] = capRows.length;
      } else {
        for (let r = 0; r < capRows.length; r++) {
          const o = capRows[r];
          if (o.cap === k && group[o.classes[0]] === group[c]) {
            row = o;
            break;
          }
        }
      }
      if (row) row.classes.push(c);
      else capRows.push({ cap: k, limit: capLimit[k], classes: [c] });
    }
  }
  model.capRows = capRows;
  return model;
}

export function needsX(model: AllocationModel, c: number): boolean {
  return model.outOfCycle[c] === 0 && (model.capMask[c] !== 0 || (model.reqMask[c] & model.notCreditedMask) !== 0);
}

/** Σ need over the requirements of a bit set. */
export function needOf(clique: number, need: ArrayLike<number>): number {
  let sum = 0;
  for (let rest = clique; rest !== 0; rest &= rest - 1) sum += need[31 - Math.clz32(rest & -rest)];
  return sum;
}

/**
 * Presolve: a requirement that a single class with fixed counted hours (no binding cap) can fill
 * alone, while holding at least the combined need of every conflicting set it belongs to, is filled
 * from that class and leaves the LP. Any optimal solution can be rewritten this way (move the
 * requirement's hours to that class: its other rows cannot bind, every other row only loosens), so
 * the optimum is unchanged, and the LP loses its easiest rows — usually most of them.
 */
function presolve(model: AllocationModel): number {
  const { classCount: n, need, notCreditedMask, fixed, requirementCount, hours, reqMask, cliques } = model;
  // Requirements that may be presolved: a positive need, credited toward the total.
  let eligible = 0;
  for (let j = 0; j < requirementCount; j++) if (need[j] > 0) eligible |= 1 << j;
  eligible &= ~notCreditedMask;
  // Each eligible requirement is filled from the first class (lowest index) with fixed counted hours
  // whose every clique containing it fits in the class: classes in order, each taking its fitting
  // requirements not taken yet.
  let free = 0;
  for (let c = 0; c < n && free !== eligible; c++) {
    if ((reqMask[c] & eligible & ~free) === 0 || needsX(model, c)) continue;
    let tooBig = 0;
    const list = cliques[c];
    for (let q = 0; q < list.length; q++) if (needOf(list[q], need) > hours[c]) tooBig |= list[q];
    for (let rest = reqMask[c] & ~tooBig & eligible & ~free; rest !== 0; rest &= rest - 1) {
      const j = 31 - Math.clz32(rest & -rest);
      fixed[c * requirementCount + j] = need[j];
      free |= 1 << j;
    }
  }
  return free;
}
