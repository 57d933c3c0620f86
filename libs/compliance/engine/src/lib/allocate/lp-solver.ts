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
    const n = this.objective.length;
    const m = this.rows.length;
    const width = n + m + 1;
    const size = (m + 1) * width;
    if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2));
    const t = scratch;
    t.fill(0, 0, size);
    const basis = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const row = this.rows[i];
      const base = i * width;
      for (let k = 0; k < row.cols.length; k++) t[base + row.cols[k]] += row.coeffs[k];
      t[base + n + i] = 1;
      t[base + width - 1] = row.rhs;
      basis[i] = n + i;
    }
    const objBase = m * width;
    for (let j = 0; j < n; j++) t[objBase + j] = this.objective[j];

    const maxDantzig = 50 * (m + n + 1);
    const nz = new Int32Array(width);
    for (let iter = 0; ; iter++) {
      const bland = iter > maxDantzig;
      let q = -1;
      let best = 1e-7;
      for (let j = 0; j < width - 1; j++) {
        const rc = t[objBase + j];
        if (rc > best) {
          q = j;
          if (bland) break;
          best = rc;
        }
      }
      if (q < 0) break;
      let r = -1;
      let bestRatio = Infinity;
      for (let i = 0; i < m; i++) {
        const a = t[i * width + q];
        if (a > EPS) {
          const ratio = t[i * width + width - 1] / a;
          if (ratio < bestRatio - EPS || (ratio <= bestRatio + EPS && r >= 0 && basis[i] < basis[r])) {
            bestRatio = ratio;
            r = i;
          }
        }
      }
      // Unbounded cannot happen (every variable sits in a bounded row) but must not loop forever.
      if (r < 0) break;
      pivot(t, width, m, r, q, nz);
      basis[r] = q;
    }
    const solution = new Float64Array(n);
    for (let i = 0; i < m; i++) if (basis[i] < n) solution[basis[i]] = t[i * width + width - 1];
    return solution;
  }
}

/** Gauss–Jordan pivot; the pivot row is sparse, so only its non-zero columns are visited. */
function pivot(t: Float64Array, width: number, m: number, r: number, q: number, nz: Int32Array): void {
  const rBase = r * width;
  const inv = 1 / t[rBase + q];
  let count = 0;
  for (let j = 0; j < width; j++) {
    const v = t[rBase + j];
    if (v !== 0) {
      t[rBase + j] = v * inv;
      nz[count++] = j;
    }
  }
  t[rBase + q] = 1;
  for (let i = 0; i <= m; i++) {
    if (i === r) continue;
    const base = i * width;
    const factor = t[base + q];
    if (factor === 0) continue;
    for (let k = 0; k < count; k++) {
      const j = nz[k];
      t[base + j] -= factor * t[rBase + j];
    }
    t[base + q] = 0;
  }
}
