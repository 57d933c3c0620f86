import { addMonthsDay, daysInMonth, fromDay, isValidIsoDate, toDay } from './iso-date';

describe('iso-date', () => {
  it('knows leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29]);
  });

  it('round-trips day numbers and matches the UTC calendar', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2026-11-22')).toBe(Date.UTC(2026, 10, 22) / 86_400_000);
    expect(fromDay(toDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('rejects impossible dates', () => {
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-13-01')).toBe(false);
    expect(isValidIsoDate('2023-1-01')).toBe(false);
    expect(() => toDay('2023-02-30')).toThrow(RangeError);
  });

  it('adds months clamping to the month end', () => {
    expect(fromDay(addMonthsDay(toDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(fromDay(addMonthsDay(toDay('2024-03-31'), -13))).toBe('2023-02-28');
  });
});
