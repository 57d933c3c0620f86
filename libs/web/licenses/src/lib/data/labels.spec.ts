import { FORMAT_CODES, FORMAT_GROUPS, FORMAT_LABELS } from './labels';

describe('format labels', () => {
  it('groups every format the engine knows exactly once, so the credit form offers each of them', () => {
    const grouped = FORMAT_GROUPS.flatMap((g) => g.formats);
    expect([...grouped].sort()).toEqual([...FORMAT_CODES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('names the activities boards cap by kind in words', () => {
    expect(FORMAT_LABELS['board-meeting']).toBe(
      'Attending a licensing board meeting',
    );
    expect(FORMAT_LABELS['supervision-activity']).toBe(
      'Supervision (giving or receiving)',
    );
  });
});
