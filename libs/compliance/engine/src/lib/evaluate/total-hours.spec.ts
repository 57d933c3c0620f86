import { evaluate } from './evaluate';
import { EngineError } from '../errors';
import { clinical, credit, macro, rules, testSource, transcript, version } from '../testing/fixtures';

// Default version: 40 hours, cycle 2025-01-01..2026-12-31.
describe('total hours', () => {
  it('is met with exactly the required hours', () => {
    const e = evaluate(rules(version()), transcript([credit(25), credit(15)]));
    expect(e.status).toBe('met');
    expect(e.totals).toEqual({ requiredHours: 40, countedHours: 40, remainingHours: 0 });
  });

  it('is in progress when short before the end, with the remainder planned', () => {
    const e = evaluate(rules(version()), transcript([credit(39.5)]));
    expect(e.status).toBe('in-progress');
    expect(e.totals.remainingHours).toBe(0.5);
    expect(e.plan).toEqual([expect.objectContaining({ code: 'total', hours: 0.5 })]);
  });

  it('says "1 more hour" for one hour left, and "hours" otherwise', () => {
    expect(evaluate(rules(version()), transcript([credit(39)])).plan[0].description).toBe('1 more hour of any accepted CE');
    expect(evaluate(rules(version()), transcript([credit(38)])).plan[0].description).toBe('2 more hours of any accepted CE');
  });

  it('is overdue when short after the cycle end, with no days left', () => {
    const e = evaluate(rules(version()), transcript([credit(10)], { asOf: '2027-01-01', cycle: { start: '2025-01-01', end: '2026-12-31' } }));
    expect(e.status).toBe('overdue');
    expect(e.cycle.daysLeft).toBe(0);
  });

  it('counts days left from asOf to the end', () => {
    expect(evaluate(rules(version()), transcript([], { asOf: '2026-12-01' })).cycle.daysLeft).toBe(30);
  });

  it('counts credits on the first and last day of the cycle and excludes the days around', () => {
    const e = evaluate(
      rules(version()),
      transcript([
        credit(10, { id: 'first', completedOn: '2025-01-01' }),
        credit(10, { id: 'last', completedOn: '2026-12-31' }),
        credit(10, { id: 'before', completedOn: '2024-12-31' }),
        credit(10, { id: 'after', completedOn: '2027-01-01' }),
      ]),
    );
    expect(e.totals.countedHours).toBe(20);
    expect(e.excluded.map((x) => [x.creditId, x.reason])).toEqual([
      ['after', 'outside-cycle'],
      ['before', 'outside-cycle'],
    ]);
  });

  it('names every counted hour in the total allocations', () => {
    const e = evaluate(rules(version()), transcript([credit(2.25, { id: 'a' }), credit(1.5, { id: 'b' })]));
    expect(e.requirements[0]).toMatchObject({ code: 'total', allocations: [{ creditId: 'a', hours: 2.25 }, { creditId: 'b', hours: 1.5 }] });
  });

  it('does not drift with fractional hours', () => {
    const credits = Array.from({ length: 10 }, () => credit(0.1));
    expect(evaluate(rules(version({ total: { hours: 1, source: version().total.source } })), transcript(credits)).status).toBe('met');
  });

  it('excludes a repeated credit id as a duplicate', () => {
    const e = evaluate(rules(version()), transcript([credit(5, { id: 'x' }), credit(5, { id: 'x' })]));
    expect(e.totals.countedHours).toBe(5);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'x', reason: 'duplicate', hours: 5 })]);
  });

  it('keeps the same copy of a credit listed twice whatever their order, down to its practice split', () => {
    const a = clinical(5, { id: 'a' });
    const b = macro(5, { id: 'a' });
    const one = evaluate(rules(version()), transcript([a, b]));
    const other = evaluate(rules(version()), transcript([b, a]));
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
    expect(one.excluded).toEqual([expect.objectContaining({ creditId: 'a', reason: 'duplicate', hours: 5 })]);
  });

  it('keeps the copy that can count: an accepted approval over a refused one, in either order', () => {
    const v = version({ approvals: { accepted: ['ACE'], source: testSource } });
    const accepted = credit(5, { id: 'a', approvals: [{ body: 'ACE' }] });
    const refused = credit(5, { id: 'a', approvals: [{ body: 'NYSED' }] });
    for (const credits of [
      [accepted, refused],
      [refused, accepted],
    ]) {
      const e = evaluate(rules(v), transcript(credits));
      expect(e.totals.countedHours).toBe(5);
      expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'a', reason: 'duplicate' })]);
    }
  });

  it('of two copies neither of which counts, keeps the one in the cycle (told its approval is not accepted)', () => {
    const v = version({ approvals: { accepted: ['ACE'], source: testSource } });
    const inside = credit(5, { id: 'a', approvals: [{ body: 'NYSED' }] });
    const before = credit(5, { id: 'a', completedOn: '2010-01-01', approvals: [{ body: 'NYSED' }] });
    for (const credits of [
      [inside, before],
      [before, inside],
    ]) {
      const reasons = evaluate(rules(v), transcript(credits)).excluded.map((e) => e.reason).sort();
      expect(reasons).toEqual(['approval-not-accepted', 'duplicate']);
    }
  });

  it('never lets a copy added later push out the one that counts (a 0-hour copy from before the cycle)', () => {
    const real = credit(5, { id: 'a' });
    const stray = credit(0, { id: 'a', completedOn: '2010-01-01', format: 'other' });
    expect(evaluate(rules(version()), transcript([real])).totals.countedHours).toBe(5);
    expect(evaluate(rules(version()), transcript([real, stray])).totals.countedHours).toBe(5);
    expect(evaluate(rules(version()), transcript([stray, real])).totals.countedHours).toBe(5);
  });

  it('refuses credits adding up to more than 1,000,000 hours instead of wrapping the counts around', () => {
    // 2,148 credits of 10,000 h: 21,480,000 h, past 2^31 hundredths, used to count 0 and exclude all.
    const many = Array.from({ length: 2148 }, () => credit(10_000));
    const huge = () => evaluate(rules(version()), transcript(many));
    expect(huge).toThrow(expect.objectContaining({ code: 'transcript-too-large', path: '/credits' }));
    // Exactly 1,000,000 hours still evaluates, every hour counted.
    const most = evaluate(rules(version()), transcript(Array.from({ length: 100 }, () => credit(10_000))));
    expect(most.totals.countedHours).toBe(1_000_000);
    expect(most.excluded).toEqual([]);
  });

  it('requires an evaluation date', () => {
    expect(() => evaluate(rules(version()), transcript([], { asOf: undefined }))).toThrow(/evaluation date/);
    expect(evaluate(rules(version()), transcript([], { asOf: undefined }), { today: '2025-05-05' }).cycle.end).toBe('2026-12-31');
  });

  it('refuses a cycle that cannot be written as YYYY-MM-DD (after 9999-12-31), naming the date at fault', () => {
    // The default 24-month fixed cycle ends 10000-12-31 for an asOf in 9999.
    const late = () => evaluate(rules(version()), transcript([], { asOf: '9999-06-30' }));
    expect(late).toThrow(EngineError);
    expect(late).toThrow(/outside the years 0000–9999/);
    try {
      late();
    } catch (e) {
      expect(e).toMatchObject({ code: 'cycle-undetermined', path: '/asOf' });
    }
    expect(evaluate(rules(version()), transcript([], { asOf: '9998-06-30' })).cycle.end).toBe('9998-12-31');
  });
});
