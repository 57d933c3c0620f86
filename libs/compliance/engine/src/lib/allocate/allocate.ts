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
import { PackingLp } from './lp-solver';

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
}

interface PieceClass {
  pieces: number[];
  hours: number;
  reqMask: number;
  capMask: number;
  group: number;
  outOfCycle: boolean;
  x: number;
  /** y variable per requirement index, -1 = none. */
  y: Int32Array;
  /** Hours fixed by the presolve per requirement index (see `presolve`). */
  fixed: Int32Array;
}

function forEachBit(mask: number, fn: (bit: number) => void): void {
  let rest = mask;
  while (rest !== 0) {
    const low = rest & -rest;
    fn(31 - Math.clz32(low));
    rest &= ~low;
  }
}

function buildClasses(pieces: readonly Piece[], requirementCount: number): PieceClass[] {
  const byKey = new Map<number | string, PieceClass>();
  const classes: PieceClass[] = [];
  pieces.forEach((p, i) => {
    // A number key while the masks fit 52 bits (always, for realistic rule sets), a string otherwise.
    const key =
      p.group === 0 && p.reqMask < 1 << 24 && p.capMask < 1 << 24
        ? p.reqMask * 33_554_432 + p.capMask * 2 + (p.outOfCycle ? 1 : 0)
        : `${p.reqMask}|${p.capMask}|${p.group}|${p.outOfCycle ? 1 : 0}`;
    let c = byKey.get(key);
    if (!c) {
      c = { pieces: [], hours: 0, reqMask: p.reqMask, capMask: p.capMask, group: p.group, outOfCycle: p.outOfCycle, x: -1, y: new Int32Array(requirementCount).fill(-1), fixed: new Int32Array(requirementCount) };
      byKey.set(key, c);
      classes.push(c);
    }
    c.pieces.push(i);
    c.hours += p.hours;
  });
  return classes;
}

export function allocate(input: AllocationInput): AllocationResult {
  const { compiled, pieces, need, capLimit, notCreditedMask } = input;
  const classes = buildClasses(pieces, compiled.requirements.length);
  const lp = new PackingLp();
  const totalHours = classes.reduce((s, c) => s + c.hours, 0);
  const weight = totalHours + 1;

  const free = presolve(compiled, classes, need, notCreditedMask);
  for (const c of classes) {
    if (needsX(c, notCreditedMask)) {
      c.x = lp.addVariable(1);
      lp.addRow([c.x], [1], c.hours);
    }
    forEachBit(c.reqMask & ~free, (j) => (c.y[j] = lp.addVariable(weight)));
  }
  // Caps: global ones over every class, per-credit ones within each credit group.
  // Key: cap index, plus the credit group for per-credit caps (groups are credit indices + 1 < 2^20).
  const capRows = new Map<number, number[]>();
  for (const c of classes) {
    forEachBit(c.capMask, (k) => {
      const key = compiled.caps[k].perCredit ? k * 1_048_576 + c.group : k * 1_048_576;
      const cols = capRows.get(key);
      if (cols) cols.push(c.x);
      else capRows.set(key, [c.x]);
    });
  }
  for (const [key, cols] of capRows) lp.addRow(cols, ones(cols.length), capLimit[Math.floor(key / 1_048_576)]);
  for (let j = 0; j < need.length; j++) {
    const cols: number[] = [];
    for (const c of classes) if (c.y[j] >= 0) cols.push(c.y[j]);
    lp.addRow(cols, ones(cols.length), need[j]);
  }
  for (const c of classes) addCliqueRows(lp, compiled, c, notCreditedMask, need, free);

  const solution = lp.variableCount > 0 ? lp.solve() : new Float64Array(0);
  const values = toIntegers(lp, solution);
  return disaggregate(input, classes, values);
}

function needsX(c: PieceClass, notCreditedMask: number): boolean {
  return !c.outOfCycle && (c.capMask !== 0 || (c.reqMask & notCreditedMask) !== 0);
}

/**
 * Presolve: a requirement that a single class with fixed counted hours (no binding cap) can fill
 * alone, while holding at least the combined need of every conflicting set it belongs to, is filled
 * from that class and leaves the LP. Any optimal solution can be rewritten this way (move the
 * requirement's hours to that class: its other rows cannot bind, every other row only loosens), so
 * the optimum is unchanged, and the LP loses its easiest rows — usually most of them.
 */
function presolve(compiled: CompiledRuleSet, classes: readonly PieceClass[], need: readonly number[], notCreditedMask: number): number {
  let free = 0;
  for (let j = 0; j < need.length; j++) {
    const bit = 1 << j;
    if (need[j] <= 0 || (bit & notCreditedMask) !== 0) continue;
    for (const c of classes) {
      if ((c.reqMask & bit) === 0 || needsX(c, notCreditedMask)) continue;
      const countedMask = c.outOfCycle ? c.reqMask : c.reqMask & ~notCreditedMask;
      let fits = true;
      for (const clique of compiled.cliques(countedMask)) {
        if ((clique & bit) === 0) continue;
        let needs = 0;
        forEachBit(clique, (k) => (needs += need[k]));
        if (needs > c.hours) fits = false;
      }
      if (fits) {
        c.fixed[j] = need[j];
        free |= bit;
        break;
      }
    }
  }
  return free;
}

function ones(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = 1;
  return out;
}

function addCliqueRows(lp: PackingLp, compiled: CompiledRuleSet, c: PieceClass, notCreditedMask: number, need: readonly number[], free: number): void {
  const countedMask = c.outOfCycle ? c.reqMask : c.reqMask & ~notCreditedMask;
  for (const clique of compiled.cliques(countedMask)) {
    const cols: number[] = [];
    let needs = 0;
    forEachBit(clique, (j) => {
      if ((free & (1 << j)) === 0) cols.push(c.y[j]);
      needs += need[j];
    });
    if (cols.length === 0) continue;
    if (c.x >= 0) {
      const coeffs = ones(cols.length + 1);
      coeffs[cols.length] = -1;
      cols.push(c.x);
      lp.addRow(cols, coeffs, 0);
    }
    // Redundant when the class holds more hours than the clique's requirements could ever take.
    else if (needs > c.hours) lp.addRow(cols, ones(cols.length), c.hours);
  }
  const ntMask = c.outOfCycle ? 0 : c.reqMask & notCreditedMask;
  if (ntMask === 0) return;
  for (const clique of compiled.cliques(ntMask)) {
    const cols: number[] = [c.x];
    forEachBit(clique, (j) => cols.push(c.y[j]));
    lp.addRow(cols, ones(cols.length), c.hours);
  }
}

/**
 * Rounds the LP vertex down to integer hundredths (every row keeps its sign: all coefficients are ±1
 * and Σ⌊y⌋ ≤ ⌊Σy⌋ ≤ ⌊x⌋), then greedily raises variables into any slack left, so rounding costs at most
 * what a fractional vertex would have spread below one hundredth.
 */
function toIntegers(lp: PackingLp, solution: Float64Array): Int32Array {
  const rows = lp.getRows();
  const columns = lp.getColumns();
  const values = new Int32Array(solution.length);
  for (let v = 0; v < solution.length; v++) values[v] = Math.max(0, Math.floor(solution[v] + 1e-6));
  const slack = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let used = 0;
    for (let k = 0; k < row.cols.length; k++) used += row.coeffs[k] * values[row.cols[k]];
    slack[r] = row.rhs - used;
  }
  // Safety net against floating-point noise: shrink variables with positive coefficients in a violated row.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let k = row.cols.length - 1; k >= 0 && slack[r] < 0; k--) {
      if (row.coeffs[k] <= 0) continue;
      const col = row.cols[k];
      const cut = Math.min(values[col], -slack[r]);
      values[col] -= cut;
      for (const e of columns[col]) slack[e.row] += cut * e.coeff;
    }
  }
  for (let v = 0; v < values.length; v++) {
    let room = Infinity;
    for (const e of columns[v]) if (e.coeff > 0 && slack[e.row] < room) room = slack[e.row];
    if (room > 0 && room !== Infinity) {
      values[v] += room;
      for (const e of columns[v]) slack[e.row] -= room * e.coeff;
    }
  }
  return values;
}

/** Lays each requirement's hours on the class's line of hours and cuts the line into its pieces. */
function disaggregate(input: AllocationInput, classes: readonly PieceClass[], values: Int32Array): AllocationResult {
  const { compiled, pieces, notCreditedMask, creditCount } = input;
  const counted = new Int32Array(pieces.length);
  const served = new Int32Array(compiled.requirements.length * creditCount);
  const notCredited = new Int32Array(creditCount);
  for (const c of classes) {
    const x = c.outOfCycle ? 0 : c.x >= 0 ? values[c.x] : c.hours;
    const intervals: Interval[] = [];
    const countedLine = c.outOfCycle ? c.hours : x;
    const countedMask = c.outOfCycle ? c.reqMask : c.reqMask & ~notCreditedMask;
    placeAll(compiled, c, values, countedMask, 0, countedLine, intervals);
    placeAll(compiled, c, values, c.reqMask & ~countedMask, x, c.hours, intervals);
    let offset = 0;
    for (const pi of c.pieces) {
      const start = offset;
      const end = offset + pieces[pi].hours;
      const credit = pieces[pi].credit;
      counted[pi] = Math.max(0, Math.min(end, x) - start);
      let ntHere = 0;
      for (const iv of intervals) {
        const overlap = Math.min(end, iv.end) - Math.max(start, iv.start);
        if (overlap <= 0) continue;
        served[iv.req * creditCount + credit] += overlap;
        // Not-credited requirements may share an hour among themselves, so the piece loses their maximum.
        if (!c.outOfCycle && (notCreditedMask & (1 << iv.req)) !== 0 && overlap > ntHere) ntHere = overlap;
      }
      notCredited[credit] += ntHere;
      offset = end;
    }
  }
  return { counted, served, notCredited };
}

interface Interval {
  req: number;
  start: number;
  end: number;
}

/** First-fit placement: conflicting requirements never overlap on the line. */
function placeAll(
  compiled: CompiledRuleSet,
  c: PieceClass,
  values: Int32Array,
  mask: number,
  lineStart: number,
  lineEnd: number,
  out: Interval[],
): void {
  forEachBit(mask, (j) => {
    const v = c.y[j];
    const amount = v < 0 ? c.fixed[j] : values[v];
    if (amount <= 0) return;
    const blockers = out.filter((iv) => (compiled.conflicts[j] & (1 << iv.req)) !== 0 && iv.end > lineStart);
    const candidates = [lineStart, ...blockers.map((b) => b.end)].sort((a, b) => a - b);
    let best: Interval | null = null;
    for (const s of candidates) {
      const nextBlock = blockers.reduce((lim, b) => (b.end > s && b.start < lim ? Math.max(s, b.start) : lim), lineEnd);
      if (blockers.some((b) => b.start <= s && b.end > s)) continue;
      const len = Math.min(amount, nextBlock - s);
      if (len === amount) {
        best = { req: j, start: s, end: s + len };
        break;
      }
      if (len > 0 && (!best || len > best.end - best.start)) best = { req: j, start: s, end: s + len };
    }
    if (best) out.push(best);
  });
}
