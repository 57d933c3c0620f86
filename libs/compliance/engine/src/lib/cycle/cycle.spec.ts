import { evaluate } from '../evaluate/evaluate';
import { credit, rules, testSource, transcript, version } from '../testing/fixtures';
import type { CycleRule } from '../model/rule-set.types';

function cycleOf(cycle: CycleRule, license: { issuedOn?: string; birthDate?: string }, asOf: string) {
  return evaluate(rules(version({ cycle })), transcript([], { license, asOf })).cycle;
}

describe('cycle derivation', () => {
  const fixedEven: CycleRule = { months: 24, anchor: 'fixed', month: 6, day: 30, parity: 'even', source: testSource };

  it('fixed 24-month anchor ends in years of the given parity', () => {
    expect(cycleOf(fixedEven, {}, '2025-03-01')).toMatchObject({ start: '2024-07-01', end: '2026-06-30', firstRenewal: false });
    const odd = cycleOf({ ...fixedEven, parity: 'odd' }, {}, '2025-03-01');
    expect(odd).toMatchObject({ start: '2023-07-01', end: '2025-06-30' });
  });

  it('the end date itself belongs to the cycle, the next day starts the next one', () => {
    expect(cycleOf(fixedEven, {}, '2026-06-30').end).toBe('2026-06-30');
    expect(cycleOf(fixedEven, {}, '2026-07-01').start).toBe('2026-07-01');
  });

  it('fixed day "last" follows month length, 12-month cycles end every year', () => {
    const c = cycleOf({ months: 12, anchor: 'fixed', month: 2, day: 'last', source: testSource }, {}, '2024-01-15');
    expect(c).toMatchObject({ start: '2023-03-01', end: '2024-02-29' });
  });

  it('36-month fixed cycles use endYear', () => {
    const c = cycleOf({ months: 36, anchor: 'fixed', month: 12, day: 31, endYear: 2025, source: testSource }, {}, '2026-05-01');
    expect(c).toMatchObject({ start: '2026-01-01', end: '2028-12-31' });
  });

  it('first cycle starts on the issue date and is the first renewal', () => {
    const c = cycleOf(fixedEven, { issuedOn: '2025-02-10' }, '2025-03-01');
    expect(c).toMatchObject({ start: '2025-02-10', end: '2026-06-30', firstRenewal: true, index: 1 });
    const second = cycleOf(fixedEven, { issuedOn: '2025-02-10' }, '2026-07-01');
    expect(second).toMatchObject({ start: '2026-07-01', end: '2028-06-30', firstRenewal: false, index: 2 });
  });

  it('birth-month 24-month cycles: first end at least 12 months after issue, then every 24 months', () => {
    const rule: CycleRule = { months: 24, anchor: 'birth-month', source: testSource };
    // Issued 2024-05-20, birth month March: earliest end 2025-05-20 → first end 2026-03-31.
    const first = cycleOf(rule, { issuedOn: '2024-05-20', birthDate: '1980-03-14' }, '2024-06-01');
    expect(first).toMatchObject({ start: '2024-05-20', end: '2026-03-31', firstRenewal: true });
    const next = cycleOf(rule, { issuedOn: '2024-05-20', birthDate: '1980-03-14' }, '2026-04-01');
    expect(next).toMatchObject({ start: '2026-04-01', end: '2028-03-31', index: 2 });
  });

  it('birthday anchor ends on the birthday (Feb 29 clamps to Feb 28)', () => {
    const rule: CycleRule = { months: 12, anchor: 'birthday', source: testSource };
    const c = cycleOf(rule, { issuedOn: '2010-01-01', birthDate: '1992-02-29' }, '2025-01-10');
    expect(c).toMatchObject({ start: '2024-03-01', end: '2025-02-28' });
  });

  it('issue-date anchor tiles cycles from the issue date', () => {
    const rule: CycleRule = { months: 24, anchor: 'issue-date', source: testSource };
    expect(cycleOf(rule, { issuedOn: '2021-03-15' }, '2024-01-01')).toMatchObject({ start: '2023-03-15', end: '2025-03-14', index: 2 });
    expect(cycleOf(rule, { issuedOn: '2021-03-15' }, '2021-03-15')).toMatchObject({ start: '2021-03-15', end: '2023-03-14', firstRenewal: true });
  });

  it('refuses to guess a birth-anchored cycle without a birth date', () => {
    expect(() => cycleOf({ months: 12, anchor: 'birth-month', source: testSource }, {}, '2025-01-01')).toThrow(/birthDate/);
  });

  it('an explicit transcript cycle wins over derivation', () => {
    const e = evaluate(rules(version()), transcript([credit(1)], { cycle: { start: '2025-03-01', end: '2027-02-28', index: 3 } }));
    expect(e.cycle).toMatchObject({ start: '2025-03-01', end: '2027-02-28', index: 3 });
  });
});

describe('version selection', () => {
  const v1 = version({ version: 'v1', effectiveFrom: '2018-01-01', effectiveTo: '2024-12-31', total: { hours: 30, source: testSource } });
  const v2 = version({ version: 'v2', effectiveFrom: '2025-01-01', total: { hours: 40, source: testSource } });

  it('judges the cycle by the version in force on its end date', () => {
    // Cycle 2023-01-01..2024-12-31 ends under v1; asOf in it.
    expect(evaluate(rules([v2, v1]), transcript([], { asOf: '2024-06-01' })).ruleSet.version).toBe('v1');
    // Cycle 2025-01-01..2026-12-31 ends under v2.
    expect(evaluate(rules([v1, v2]), transcript([], { asOf: '2025-02-01' })).totals.requiredHours).toBe(40);
  });

  it('falls back to the earliest version before any is in force', () => {
    expect(evaluate(rules([v1, v2]), transcript([], { asOf: '2010-02-01' })).ruleSet.version).toBe('v1');
  });
});
