import { addMonthsDay, daysInMonth, fromDay, isValidIsoDate, toDay, ymdToDay } from './iso-date';

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

  it('parses without a regex exactly like the YYYY-MM-DD pattern plus calendar checks', () => {
    const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
    const reference = (v: string): number | null => {
      const m = pattern.exec(v);
      if (!m) return null;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
      return ymdToDay(y, mo, d);
    };
    const attempt = (v: string): number | null => {
      try {
        return toDay(v);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        return null;
      }
    };
    const samples = ['2024-02-29', '2000-02-29', '1900-02-29', '0001-01-01', '9999-12-31', '2024-00-10', '2024-01-00', '2024-04-31', '2024/01/01', ' 2024-01-01', '2024-01-01 ', ':024-01-01', '/024-01-01', '2024-0a-01', '2024-01-0:', '20240-1-01', ''];
    for (const v of samples) expect(attempt(v)).toBe(reference(v));
    for (let day = -700_000; day < 2_900_000; day += 997) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(attempt(iso)).toBe(day);
      expect(isValidIsoDate(iso)).toBe(true);
    }
  });

  it('gives ymdToDay on every day of 0000–9999, and throws on the day after every month end', () => {
    // toDay's integer arithmetic (shifted era, centuries by multiplication) must be exact on every
    // date it accepts: compared number by number, not through expect() per date (3.6 million).
    const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
    let wrong = '';
    for (let y = 0; y <= 9999 && wrong === ''; y++) {
      const yyyy = String(y).padStart(4, '0');
      for (let m = 1; m <= 12; m++) {
        const prefix = `${yyyy}-${pad(m)}-`;
        const last = daysInMonth(y, m);
        for (let d = 1; d <= last; d++) if (toDay(prefix + pad(d)) !== ymdToDay(y, m, d)) wrong ||= prefix + pad(d);
        let threw = false;
        try {
          toDay(prefix + pad(last + 1));
        } catch {
          threw = true;
        }
        if (!threw) wrong ||= prefix + pad(last + 1);
      }
    }
    expect(wrong).toBe('');
  });

  it('adds months clamping to the month end', () => {
    expect(fromDay(addMonthsDay(toDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(fromDay(addMonthsDay(toDay('2024-03-31'), -13))).toBe('2023-02-28');
  });

  it('adds months across year 0 (a rolling window that starts before it) without NaN', () => {
    const day = addMonthsDay(toDay('0005-12-31'), -72);
    expect(Number.isFinite(day)).toBe(true);
    // -0001-12-31 (proleptic): the day before 0000-01-01.
    expect(day).toBe(toDay('0000-01-01') - 1);
    expect(fromDay(addMonthsDay(day, 72))).toBe('0005-12-31');
  });

  it('toDay (integer arithmetic) equals ymdToDay on every date of 1600–2400 and every month end of 0000–9999', () => {
    const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    let mismatches = 0;
    for (let y = 0; y <= 9999; y++) {
      for (let m = 1; m <= 12; m++) {
        const last = daysInMonth(y, m);
        const days = y >= 1600 && y <= 2400 ? Array.from({ length: last }, (_, i) => i + 1) : [1, 28, last];
        for (const d of days) if (toDay(iso(y, m, d)) !== ymdToDay(y, m, d)) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
  });
});
