import { DEFAULT_SCAN_TIME_ZONE, dateIn } from './reminders-workers';

describe("the scan's date", () => {
  it('is the date in Los Angeles: never ahead of a licensee in any covered zone', () => {
    // 06:00 UTC on August 31 is still 23:00 on August 30 on the West Coast.
    const early = new Date('2026-08-31T06:00:00Z');
    expect(dateIn(early, DEFAULT_SCAN_TIME_ZONE)).toBe('2026-08-30');
    expect(dateIn(early, 'UTC')).toBe('2026-08-31');
    // The default schedule, 14:00 UTC, falls on the same date from New York to Los Angeles.
    const scheduled = new Date('2026-12-31T14:00:00Z');
    expect(dateIn(scheduled, DEFAULT_SCAN_TIME_ZONE)).toBe('2026-12-31');
    expect(dateIn(scheduled, 'America/New_York')).toBe('2026-12-31');
    expect(
      dateIn(new Date('2028-02-29T20:00:00Z'), DEFAULT_SCAN_TIME_ZONE),
    ).toBe('2028-02-29');
  });
});
