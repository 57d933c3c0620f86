/** The allocation LP over classes (docs/ENGINE.md "Allocation"), solved by the simplex and rounded. */
import { PackingLp } from './lp-solver';
import { needOf, type AllocationModel } from './allocate';

/** Builds the LP (rows: x ≤ h, caps, needs, cliques — in that order) and returns integer values. */
export function solveLp(model: AllocationModel): Int32Array {
  const { classCount: n, capRows, need, yVar, requirementCount: R, x, hours } = model;
  const lp = new PackingLp();
  for (let v = 0; v < model.variableCount; v++) lp.addVariable(model.objective[v]);
  for (let c = 0; c < n; c++) if (x[c] >= 0) lp.addRow([x[c]], [1], hours[c]);
  for (const row of capRows) lp.addRow(row.classes.map((ci) => x[ci]), ones(row.classes.length), row.limit);
  for (let j = 0; j < R; j++) {
    const cols: number[] = [];
    for (let c = 0; c < n; c++) if (yVar[c * R + j] >= 0) cols.push(yVar[c * R + j]);
    lp.addRow(cols, ones(cols.length), need[j]);
  }
  for (let c = 0; c < n; c++) addCliqueRows(lp, model, c);
  return toIntegers(lp, lp.solve());
}

function ones(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = 1;
  return out;
}

function addCliqueRows(lp: PackingLp, model: AllocationModel, c: number): void {
  const { yVar, requirementCount: R, need, free } = model;
  const x = model.x[c];
  const hours = model.hours[c];
  for (const clique of model.cliques[c]) {
    const cols: number[] = [];
    for (let rest = clique; rest !== 0; rest &= rest - 1) {
      const j = 31 - Math.clz32(rest & -rest);
      if ((free & (1 << j)) === 0) cols.push(yVar[c * R + j]);
    }
    if (cols.length === 0) continue;
    if (x >= 0) {
      const coeffs = ones(cols.length + 1);
      coeffs[cols.length] = -1;
      cols.push(x);
      lp.addRow(cols, coeffs, 0);
    }
    // Redundant when the class holds more hours than the clique's requirements could ever take.
    else if (needOf(clique, need) > hours) lp.addRow(cols, ones(cols.length), hours);
  }
  for (const clique of model.ntCliques[c]) {
    const cols: number[] = [x];
    for (let rest = clique; rest !== 0; rest &= rest - 1) cols.push(yVar[c * R + 31 - Math.clz32(rest & -rest)]);
    lp.addRow(cols, ones(cols.length), hours);
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

