import { PackingLp } from './lp-solver';

describe('PackingLp', () => {
  it('finds the optimum of a small packing LP', () => {
    // max 3a + 2b, a + b <= 4, a + 3b <= 6, a <= 3 → a = 3, b = 1, value 11.
    const lp = new PackingLp();
    const a = lp.addVariable(3);
    const b = lp.addVariable(2);
    lp.addRow([a, b], [1, 1], 4);
    lp.addRow([a, b], [1, 3], 6);
    lp.addRow([a], [1], 3);
    const v = lp.solve();
    expect(v[a]).toBeCloseTo(3);
    expect(v[b]).toBeCloseTo(1);
  });

  it('handles rows with negative coefficients (y - x <= 0)', () => {
    const lp = new PackingLp();
    const x = lp.addVariable(1);
    const y = lp.addVariable(10);
    lp.addRow([y, x], [1, -1], 0);
    lp.addRow([x], [1], 5);
    lp.addRow([y], [1], 3);
    const v = lp.solve();
    expect(v[y]).toBeCloseTo(3);
    expect(v[x]).toBeCloseTo(5);
  });
});
