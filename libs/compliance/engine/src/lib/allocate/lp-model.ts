/** The allocation LP over classes (docs/ENGINE.md "Allocation"), solved by the simplex and rounded. */
import { solveRows, type SparseRows } from './lp-solver';
import { needOf, type AllocationModel } from './allocate';
import { Float64Scratch, Int32Scratch } from './scratch';

/** The LP's rows in compressed form, in reused buffers (grown as needed). */
const rows: SparseRows = { count: 0, start: new Int32Array(64), cols: new Int32Array(256), coeffs: new Float64Array(256), rhs: new Float64Array(64) };
let entries = 0;

function reserve(rowCount: number, entryCount: number): void {
  if (rows.start.length < rowCount + 1) {
    const start = new Int32Array((rowCount + 1) * 2);
    start.set(rows.start);
    rows.start = start;
    const rhs = new Float64Array((rowCount + 1) * 2);
    rhs.set(rows.rhs);
    rows.rhs = rhs;
  }
  if (rows.cols.length < entryCount) {
    const cols = new Int32Array(entryCount * 2);
    cols.set(rows.cols);
    rows.cols = cols;
    const coeffs = new Float64Array(entryCount * 2);
    coeffs.set(rows.coeffs);
    rows.coeffs = coeffs;
  }
}

/** Starts a row; entries follow with `entry`, then `endRow` (an empty row is dropped, as `PackingLp.addRow` does). */
function entry(col: number, coeff: number): void {
  reserve(rows.count + 1, entries + 1);
  rows.cols[entries] = col;
  rows.coeffs[entries++] = coeff;
}

function endRow(rhs: number): void {
  const at = rows.count;
  if (entries === rows.start[at]) return;
  reserve(at + 2, entries);
  rows.rhs[at] = Math.max(0, rhs);
  rows.count = at + 1;
  rows.start[at + 1] = entries;
}

const solutionScratch = new Float64Scratch();
const slackScratch = new Float64Scratch();
const colStartScratch = new Int32Scratch();
const colFillScratch = new Int32Scratch();
const colRowScratch = new Int32Scratch();
const colCoeffScratch = new Float64Scratch();
const valuesScratch = new Int32Scratch();

/** Builds the LP (rows: x ≤ h, caps, needs, cliques — in that order) and returns integer values. */
export function solveLp(model: AllocationModel): Int32Array {
  const { classCount: n, capRows, need, yVar, requirementCount: R, x, hours, free } = model;
  rows.count = 0;
  rows.start[0] = 0;
  entries = 0;
  for (let c = 0; c < n; c++) {
    if (x[c] < 0) continue;
    entry(x[c], 1);
    endRow(hours[c]);
  }
  for (const row of capRows) {
    for (const ci of row.classes) entry(x[ci], 1);
    endRow(row.limit);
  }
  for (let j = 0; j < R; j++) {
    for (let c = 0; c < n; c++) if (yVar[c * R + j] >= 0) entry(yVar[c * R + j], 1);
    endRow(need[j]);
  }
  for (let c = 0; c < n; c++) {
    const xc = x[c];
    for (const clique of model.cliques[c]) {
      const first = entries;
      for (let rest = clique; rest !== 0; rest &= rest - 1) {
        const j = 31 - Math.clz32(rest & -rest);
        if ((free & (1 << j)) === 0) entry(yVar[c * R + j], 1);
      }
      if (entries === first) continue;
      if (xc >= 0) {
        entry(xc, -1);
        endRow(0);
      }
      // Redundant when the class holds more hours than the clique's requirements could ever take.
      else if (needOf(clique, need) > hours[c]) endRow(hours[c]);
      else entries = first;
    }
    for (const clique of model.ntCliques[c]) {
      entry(xc, 1);
      for (let rest = clique; rest !== 0; rest &= rest - 1) entry(yVar[c * R + 31 - Math.clz32(rest & -rest)], 1);
      endRow(hours[c]);
    }
  }
  const solution = solutionScratch.get(model.variableCount);
  solveRows(model.objective, model.variableCount, rows, solution);
  return toIntegers(model.variableCount, solution);
}

/**
 * Rounds the LP vertex down to integer hundredths (every row keeps its sign: all coefficients are ±1
 * and Σ⌊y⌋ ≤ ⌊Σy⌋ ≤ ⌊x⌋), then greedily raises variables into any slack left, so rounding costs at most
 * what a fractional vertex would have spread below one hundredth.
 */
function toIntegers(variableCount: number, solution: Float64Array): Int32Array {
  const { count: m, start, cols, coeffs, rhs } = rows;
  // Entries per column, in row order.
  const colStart = colStartScratch.get(variableCount + 1);
  for (let k = 0; k < entries; k++) colStart[cols[k] + 1] += 1;
  for (let v = 0; v < variableCount; v++) colStart[v + 1] += colStart[v];
  const fill = colFillScratch.get(variableCount);
  // Every entry is written once below, before any read.
  const colRow = colRowScratch.take(entries);
  const colCoeff = colCoeffScratch.take(entries);
  for (let r = 0; r < m; r++) {
    for (let k = start[r]; k < start[r + 1]; k++) {
      const at = colStart[cols[k]] + fill[cols[k]]++;
      colRow[at] = r;
      colCoeff[at] = coeffs[k];
    }
  }
  // A reused buffer (written below before any read): disaggregation reads it within the evaluation.
  const values = valuesScratch.take(variableCount);
  for (let v = 0; v < variableCount; v++) values[v] = Math.max(0, Math.floor(solution[v] + 1e-6));
  const slack = slackScratch.take(m);
  for (let r = 0; r < m; r++) {
    let used = 0;
    for (let k = start[r]; k < start[r + 1]; k++) used += coeffs[k] * values[cols[k]];
    slack[r] = rhs[r] - used;
  }
  // Safety net against floating-point noise: shrink variables with positive coefficients in a violated row.
  for (let r = 0; r < m; r++) {
    for (let k = start[r + 1] - 1; k >= start[r] && slack[r] < 0; k--) {
      if (coeffs[k] <= 0) continue;
      const col = cols[k];
      const cut = Math.min(values[col], -slack[r]);
      values[col] -= cut;
      for (let e = colStart[col]; e < colStart[col + 1]; e++) slack[colRow[e]] += cut * colCoeff[e];
    }
  }
  for (let v = 0; v < variableCount; v++) {
    let room = Infinity;
    for (let e = colStart[v]; e < colStart[v + 1]; e++) if (colCoeff[e] > 0 && slack[colRow[e]] < room) room = slack[colRow[e]];
    if (room > 0 && room !== Infinity) {
      values[v] += room;
      for (let e = colStart[v]; e < colStart[v + 1]; e++) slack[colRow[e]] -= room * colCoeff[e];
    }
  }
  return values;
}
