/**
 * A small dense primal simplex for packing LPs: maximise c·v subject to A·v <= b, v >= 0, with b >= 0
 * (so the all-slack basis is feasible and no phase 1 is needed). Allocation LPs have a few dozen
 * variables after class aggregation, where a dense Float64Array tableau is the fastest option.
 * Deterministic: Dantzig's rule with lowest-index tie-breaks, switching to Bland's rule (which cannot
 * cycle) if the iteration count suggests degeneracy cycling.
 */

const EPS = 1e-9;

/**
 * Tableau storage reused across solves: a 50×100 tableau is 40 kB, and allocating it per evaluation
 * dominated garbage collection. Safe because solve() is synchronous and re-zeroes what it uses.
 */
let scratch = new Float64Array(4096);

export interface LpRow {
  cols: number[];
  coeffs: number[];
  rhs: number;
}

export class PackingLp {
  private readonly objective: number[] = [];
  private readonly rows: LpRow[] = [];
  /** Per variable: the rows it appears in, for rounding repairs without searching rows. */
  private readonly columns: { row: number; coeff: number }[][] = [];

  get variableCount(): number {
    return this.objective.length;
  }

  addVariable(objectiveCoefficient: number): number {
    this.objective.push(objectiveCoefficient);
    this.columns.push([]);
    return this.objective.length - 1;
  }

  /** Adds Σ coeffs[i]·v[cols[i]] <= rhs; rhs must be >= 0. */
  addRow(cols: number[], coeffs: number[], rhs: number): void {
    if (cols.length === 0) return;
    const row = this.rows.length;
    this.rows.push({ cols, coeffs, rhs: Math.max(0, rhs) });
    for (let k = 0; k < cols.length; k++) this.columns[cols[k]].push({ row, coeff: coeffs[k] });
  }

  getColumns(): readonly (readonly { row: number; coeff: number }[])[] {
    return this.columns;
  }

  getRows(): readonly LpRow[] {
    return this.rows;
  }

  /** Returns an optimal vertex (floating point). */
  solve(): Float64Array {
    const m = this.rows.length;
    let size = 0;
    for (const row of this.rows) size += row.cols.length;
    const rows: SparseRows = { count: m, start: new Int32Array(m + 1), cols: new Int32Array(size), coeffs: new Float64Array(size), rhs: new Float64Array(m) };
    let at = 0;
    for (let i = 0; i < m; i++) {
      const row = this.rows[i];
      rows.start[i] = at;
      for (let k = 0; k < row.cols.length; k++) {
        rows.cols[at] = row.cols[k];
        rows.coeffs[at++] = row.coeffs[k];
      }
      rows.rhs[i] = row.rhs;
    }
    rows.start[m] = at;
    const solution = new Float64Array(this.objective.length);
    solveRows(this.objective, this.objective.length, rows, solution);
    return solution;
  }
}

/** Rows in compressed form: row i is entries start[i] .. start[i + 1] of cols/coeffs, `≤ rhs[i]` (rhs ≥ 0). */
export interface SparseRows {
  count: number;
  start: Int32Array;
  cols: Int32Array;
  coeffs: Float64Array;
  rhs: Float64Array;
}

let basisScratch = new Int32Array(64);
let nzScratch = new Int32Array(128);
let rowBitsScratch = new Int32Array(256);
let colBitsScratch = new Int32Array(256);

/**
 * The simplex on rows in compressed form (what `PackingLp.solve` runs): writes an optimal vertex
 * into `solution` (length ≥ n). Same tableau, pivot rule and arithmetic whatever the caller.
 *
 * The tableau stays very sparse (a pivot touches a few rows and columns), so its non-zero pattern is
 * kept as bit sets per row and per column, and every scan (pricing, ratio test, pivot row, rows to
 * update) visits only the non-zero entries, in the same increasing order as a full scan would: the
 * zeros it skips could not have been chosen or changed anything, so the pivots and the arithmetic
 * are exactly those of the dense scans.
 */
export function solveRows(objective: ArrayLike<number>, n: number, rows: SparseRows, solution: Float64Array): void {
  const m = rows.count;
  const width = n + m + 1;
  const size = (m + 1) * width;
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2));
  const t = scratch;
  t.fill(0, 0, size);
  if (basisScratch.length < m) basisScratch = new Int32Array(m * 2);
  if (nzScratch.length < width) nzScratch = new Int32Array(width * 2);
  const basis = basisScratch;
  const nz = nzScratch;
  // Non-zero pattern: row i, column j is bit j of rowBits[i * rw ..] and bit i of colBits[j * cw ..].
  const rw = (width + 31) >>> 5;
  const cw = (m + 32) >>> 5;
  if (rowBitsScratch.length < (m + 1) * rw) rowBitsScratch = new Int32Array((m + 1) * rw * 2);
  if (colBitsScratch.length < width * cw) colBitsScratch = new Int32Array(width * cw * 2);
  const rowBits = rowBitsScratch;
  const colBits = colBitsScratch;
  rowBits.fill(0, 0, (m + 1) * rw);
  colBits.fill(0, 0, width * cw);
  const { start, cols, coeffs, rhs } = rows;
  for (let i = 0; i < m; i++) {
    const base = i * width;
    for (let k = start[i]; k < start[i + 1]; k++) t[base + cols[k]] += coeffs[k];
    t[base + n + i] = 1;
    t[base + width - 1] = rhs[i];
    basis[i] = n + i;
  }
  const objBase = m * width;
  for (let j = 0; j < n; j++) t[objBase + j] = objective[j];
  // The initial non-zeros: row entries (duplicates summed, so tested after), slacks, right-hand sides, objective.
  for (let i = 0; i < m; i++) {
    const base = i * width;
    for (let k = start[i]; k < start[i + 1]; k++) mark(rowBits, colBits, rw, cw, i, cols[k], t[base + cols[k]] !== 0);
    mark(rowBits, colBits, rw, cw, i, n + i, true);
    mark(rowBits, colBits, rw, cw, i, width - 1, t[base + width - 1] !== 0);
  }
  for (let j = 0; j < n; j++) mark(rowBits, colBits, rw, cw, m, j, t[objBase + j] !== 0);

  const maxDantzig = 50 * (m + n + 1);
  const last = width - 1;
  for (let iter = 0; ; iter++) {
    const bland = iter > maxDantzig;
    let q = -1;
    let best = 1e-7;
    pricing: for (let w = 0; w < rw; w++) {
      for (let rest = rowBits[m * rw + w]; rest !== 0; rest &= rest - 1) {
        const j = (w << 5) + 31 - Math.clz32(rest & -rest);
        if (j >= last) break pricing;
        const rc = t[objBase + j];
        if (rc > best) {
          q = j;
          if (bland) break pricing;
          best = rc;
        }
      }
    }
    if (q < 0) break;
    let r = -1;
    let bestRatio = Infinity;
    for (let w = 0; w < cw; w++) {
      for (let rest = colBits[q * cw + w]; rest !== 0; rest &= rest - 1) {
        const i = (w << 5) + 31 - Math.clz32(rest & -rest);
        if (i >= m) break;
        const a = t[i * width + q];
        if (a > EPS) {
          const ratio = t[i * width + last] / a;
          if (ratio < bestRatio - EPS || (ratio <= bestRatio + EPS && r >= 0 && basis[i] < basis[r])) {
            bestRatio = ratio;
            r = i;
          }
        }
      }
    }
    // Unbounded cannot happen (every variable sits in a bounded row) but must not loop forever.
    if (r < 0) break;
    pivot(t, width, m, r, q, nz, rowBits, colBits, rw, cw);
    basis[r] = q;
  }
  solution.fill(0, 0, n);
  for (let i = 0; i < m; i++) if (basis[i] < n) solution[basis[i]] = t[i * width + last];
}

/** Records whether entry (i, j) is non-zero in both bit sets. */
function mark(rowBits: Int32Array, colBits: Int32Array, rw: number, cw: number, i: number, j: number, nonZero: boolean): void {
  if (nonZero) {
    rowBits[i * rw + (j >>> 5)] |= 1 << (j & 31);
    colBits[j * cw + (i >>> 5)] |= 1 << (i & 31);
  } else {
    rowBits[i * rw + (j >>> 5)] &= ~(1 << (j & 31));
    colBits[j * cw + (i >>> 5)] &= ~(1 << (i & 31));
  }
}

/** Gauss–Jordan pivot on the non-zero entries of the pivot row, in the rows whose pivot-column entry is non-zero. */
function pivot(t: Float64Array, width: number, m: number, r: number, q: number, nz: Int32Array, rowBits: Int32Array, colBits: Int32Array, rw: number, cw: number): void {
  const rBase = r * width;
  const inv = 1 / t[rBase + q];
  let count = 0;
  for (let w = 0; w < rw; w++) {
    for (let rest = rowBits[r * rw + w]; rest !== 0; rest &= rest - 1) {
      const j = (w << 5) + 31 - Math.clz32(rest & -rest);
      const v = t[rBase + j] * inv;
      t[rBase + j] = v;
      nz[count++] = j;
      if (v === 0) mark(rowBits, colBits, rw, cw, r, j, false);
    }
  }
  t[rBase + q] = 1;
  mark(rowBits, colBits, rw, cw, r, q, true);
  for (let w = 0; w < cw; w++) {
    for (let rest = colBits[q * cw + w]; rest !== 0; rest &= rest - 1) {
      const i = (w << 5) + 31 - Math.clz32(rest & -rest);
      if (i === r) continue;
      const base = i * width;
      const factor = t[base + q];
      for (let k = 0; k < count; k++) {
        const j = nz[k];
        const v = t[base + j] - factor * t[rBase + j];
        t[base + j] = v;
        mark(rowBits, colBits, rw, cw, i, j, v !== 0);
      }
      t[base + q] = 0;
      mark(rowBits, colBits, rw, cw, i, q, false);
    }
  }
}
