/**
 * The simplex scans only the non-zero entries of its tableau (bit sets per row and column). That must
 * change nothing: on random packing LPs shaped like the allocation's (0/±1 coefficients, integer
 * right-hand sides, W-weighted and unit objective), the solution is bit-for-bit that of the dense
 * scans it replaced (the reference below: same rule, full scans over every row and column).
 */
import fc from 'fast-check';
import { solveRows, type SparseRows } from './lp-solver';

const EPS = 1e-9;

/** The previous dense implementation, verbatim in behaviour: Dantzig with lowest-index ties, Bland after 50·(m+n+1). */
function denseReference(objective: readonly number[], rows: SparseRows): Float64Array {
  const n = objective.length;
  const m = rows.count;
  const width = n + m + 1;
  const t = new Float64Array((m + 1) * width);
  const basis = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const base = i * width;
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) t[base + rows.cols[k]] += rows.coeffs[k];
    t[base + n + i] = 1;
    t[base + width - 1] = rows.rhs[i];
    basis[i] = n + i;
  }
  const objBase = m * width;
  for (let j = 0; j < n; j++) t[objBase + j] = objective[j];
  const nz = new Int32Array(width);
  const maxDantzig = 50 * (m + n + 1);
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
    if (r < 0) break;
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
      for (let k = 0; k < count; k++) t[base + nz[k]] -= factor * t[rBase + nz[k]];
      t[base + q] = 0;
    }
    basis[r] = q;
  }
  const solution = new Float64Array(n);
  for (let i = 0; i < m; i++) if (basis[i] < n) solution[basis[i]] = t[i * width + width - 1];
  return solution;
}

const lpArb = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    weight: fc.integer({ min: 2, max: 5000 }),
    xShare: fc.integer({ min: 0, max: 3 }),
    rows: fc.array(
      fc.record({
        cols: fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 6 }),
        negative: fc.integer({ min: -1, max: 5 }),
        rhs: fc.integer({ min: 0, max: 3000 }),
      }),
      { minLength: 1, maxLength: 70 },
    ),
  })
  .map(({ n, weight, xShare, rows }) => {
    // Unit objective for "x" variables (every (xShare+1)-th), W for the others; every variable is bounded by a row.
    const objective = Array.from({ length: n }, (_, j) => (xShare > 0 && j % (xShare + 1) === 0 ? 1 : weight));
    const all = rows.map((r) => ({ cols: r.cols.map((c) => c % n), negative: r.negative, rhs: r.rhs }));
    for (let j = 0; j < n; j++) all.push({ cols: [j], negative: -1, rhs: 100 + j });
    let size = 0;
    for (const r of all) size += new Set(r.cols).size;
    const sparse: SparseRows = { count: all.length, start: new Int32Array(all.length + 1), cols: new Int32Array(size), coeffs: new Float64Array(size), rhs: new Float64Array(all.length) };
    let at = 0;
    all.forEach((r, i) => {
      sparse.start[i] = at;
      const cols = [...new Set(r.cols)];
      cols.forEach((c, k) => {
        sparse.cols[at] = c;
        // A clique row `Σ y − x ≤ 0` has one −1 (at position `negative` when it exists).
        sparse.coeffs[at++] = k === r.negative && cols.length > 1 ? -1 : 1;
      });
      sparse.rhs[i] = cols.length > 1 && r.negative >= 0 && r.negative < cols.length ? 0 : r.rhs;
    });
    sparse.start[all.length] = at;
    return { objective, sparse };
  });

describe('sparse simplex scans', () => {
  it('give bit-for-bit the solution of the dense scans on random allocation-shaped LPs', () => {
    fc.assert(
      fc.property(lpArb, ({ objective, sparse }) => {
        const fast = new Float64Array(objective.length);
        solveRows(objective, objective.length, sparse, fast);
        const reference = denseReference(objective, sparse);
        expect(Array.from(fast)).toEqual(Array.from(reference));
      }),
      { numRuns: 500 },
    );
  });
});
