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
import { scratchInt32 } from './scratch';

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

export interface AllocationInput {
  compiled: CompiledRuleSet;
  pieces: readonly Piece[];
  /** Per requirement index: hundredths still needed from credits (0 = inactive or already met). */
  need: readonly number[];
  /** Per cap index: limit in hundredths (only read for caps present in some piece's capMask). */
  capLimit: readonly number[];
  /** Requirements whose hours are not credited toward the total (countsTowardTotal: false). */
  notCreditedMask: number;
  /** Number of credits (pieces refer to credits by index). */
  creditCount: number;
}

export interface AllocationResult {
  /** Per piece: hundredths counted toward the total. */
  counted: Int32Array;
  /** Hundredths of credit `ci` serving requirement `j`, at index `j * creditCount + ci`. */
  served: Int32Array;
  /** Per credit: in-cycle hundredths that served not-credited requirements (outside the counted part). */
  notCredited: Int32Array;
  /** Whether the simplex ran (false: no variable left, or the certified greedy was optimal). */
  solvedByLp: boolean;
}

/**
 * Aggregated pieces. Per-requirement data of all classes live in flat arrays of the model
 * (`yVar`, `fixed`: index class.id * requirementCount + j) instead of two typed arrays per class.
 */
export interface PieceClass {
  id: number;
  pieces: number[];
  hours: number;
  reqMask: number;
  capMask: number;
  group: number;
  outOfCycle: boolean;
  /** x variable index, -1 = counted hours fixed at `hours` (or 0 out of the cycle). */
  x: number;
  /** Maximal cliques of the class's counted requirements, and of its not-credited ones. */
  cliques: readonly number[];
  ntCliques: readonly number[];
}

export interface CapRow {
  cap: number;
  limit: number;
  classes: number[];
}

export interface AllocationModel {
  compiled: CompiledRuleSet;
  classes: PieceClass[];
  requirementCount: number;
  /** y variable index per class and requirement, -1 = none. */
  yVar: Int32Array;
  /** Hours fixed by the presolve per class and requirement (see `presolve`). */
  fixed: Int32Array;
  /** Requirements filled by the presolve. */
  free: number;
  capRows: CapRow[];
  /** Objective coefficient per variable (W for y, 1 for x). */
  objective: number[];
  need: readonly number[];
  notCreditedMask: number;
}

const NO_CLIQUES: readonly number[] = [];

function buildClasses(compiled: CompiledRuleSet, pieces: readonly Piece[], notCreditedMask: number): PieceClass[] {
  // Up to 32 classes a linear scan beats hashing; past that, a map by signature.
  let byKey: Map<string, PieceClass> | null = null;
  const classes: PieceClass[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    let c: PieceClass | undefined;
    if (byKey === null) {
      for (let k = 0; k < classes.length; k++) {
        const o = classes[k];
        if (o.reqMask === p.reqMask && o.capMask === p.capMask && o.group === p.group && o.outOfCycle === p.outOfCycle) {
          c = o;
          break;
        }
      }
    } else c = byKey.get(`${p.reqMask}|${p.capMask}|${p.group}|${p.outOfCycle ? 1 : 0}`);
    if (!c) {
      const countedMask = p.outOfCycle ? p.reqMask : p.reqMask & ~notCreditedMask;
      const ntMask = p.outOfCycle ? 0 : p.reqMask & notCreditedMask;
      c = {
        id: classes.length,
        pieces: [],
        hours: 0,
        reqMask: p.reqMask,
        capMask: p.capMask,
        group: p.group,
        outOfCycle: p.outOfCycle,
        x: -1,
        cliques: compiled.cliques(countedMask),
        ntCliques: ntMask === 0 ? NO_CLIQUES : compiled.cliques(ntMask),
      };
      classes.push(c);
      if (byKey === null && classes.length > 32) {
        byKey = new Map();
        for (const o of classes) byKey.set(`${o.reqMask}|${o.capMask}|${o.group}|${o.outOfCycle ? 1 : 0}`, o);
      } else if (byKey !== null) byKey.set(`${p.reqMask}|${p.capMask}|${p.group}|${p.outOfCycle ? 1 : 0}`, c);
    }
    c.pieces.push(i);
    c.hours += p.hours;
  }
  return classes;
}

export function allocate(input: AllocationInput): AllocationResult {
  return allocateWith(input, true);
}

/** `fastPath: false` always solves the LP (tests compare both paths). */
export function allocateWith(input: AllocationInput, fastPath: boolean): AllocationResult {
  const model = buildModel(input);
  if (model.objective.length === 0) return disaggregate(input, model, new Int32Array(0), false);
  const fast = fastPath ? certifiedGreedy(model) : null;
  if (fast) return disaggregate(input, model, fast, false);
  return disaggregate(input, model, solveLp(model), true);
}

function buildModel(input: AllocationInput): AllocationModel {
  const { compiled, pieces, need, capLimit, notCreditedMask } = input;
  const classes = buildClasses(compiled, pieces, notCreditedMask);
  const requirementCount = compiled.requirements.length;
  const yVar = scratchInt32('yVar', classes.length * requirementCount, -1);
  const fixed = scratchInt32('fixed', classes.length * requirementCount);
  let totalHours = 0;
  for (const c of classes) totalHours += c.hours;
  const weight = totalHours + 1;

  const free = presolve(classes, need, notCreditedMask, fixed, requirementCount);
  // Variable indices: per class, x (when needed) then its open requirements' y, in class order.
  const objective: number[] = [];
  for (const c of classes) {
    if (needsX(c, notCreditedMask)) {
      c.x = objective.length;
      objective.push(1);
    }
    for (let rest = c.reqMask & ~free; rest !== 0; rest &= rest - 1) {
      yVar[c.id * requirementCount + 31 - Math.clz32(rest & -rest)] = objective.length;
      objective.push(weight);
    }
  }
  // Caps: global ones over every class, per-credit ones within each credit group.
  // Key: cap index, plus the credit group for per-credit caps (groups are credit indices + 1 < 2^20).
  const capIndex = new Map<number, number>();
  const capRows: CapRow[] = [];
  for (const c of classes) {
    for (let rest = c.capMask; rest !== 0; rest &= rest - 1) {
      const k = 31 - Math.clz32(rest & -rest);
      const key = compiled.caps[k].perCredit ? k * 1_048_576 + c.group : k * 1_048_576;
      const at = capIndex.get(key);
      if (at !== undefined) capRows[at].classes.push(c.id);
      else {
        capIndex.set(key, capRows.length);
        capRows.push({ cap: k, limit: capLimit[k], classes: [c.id] });
      }
    }
  }
  return { compiled, classes, requirementCount, yVar, fixed, free, capRows, objective, need, notCreditedMask };
}

export function needsX(c: PieceClass, notCreditedMask: number): boolean {
  return !c.outOfCycle && (c.capMask !== 0 || (c.reqMask & notCreditedMask) !== 0);
}

/** Σ need over the requirements of a bit set. */
export function needOf(clique: number, need: readonly number[]): number {
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
function presolve(classes: readonly PieceClass[], need: readonly number[], notCreditedMask: number, fixed: Int32Array, requirementCount: number): number {
  // Per class with fixed counted hours: the requirements whose every clique fits in the class.
  const fits = scratchInt32('fits', classes.length);
  for (const c of classes) {
    if (needsX(c, notCreditedMask)) continue;
    let tooBig = 0;
    for (const clique of c.cliques) if (needOf(clique, need) > c.hours) tooBig |= clique;
    fits[c.id] = c.reqMask & ~tooBig;
  }
  let free = 0;
  for (let j = 0; j < need.length; j++) {
    const bit = 1 << j;
    if (need[j] <= 0 || (bit & notCreditedMask) !== 0) continue;
    for (const c of classes) {
      if ((fits[c.id] & bit) === 0) continue;
      fixed[c.id * requirementCount + j] = need[j];
      free |= bit;
      break;
    }
  }
  return free;
}
