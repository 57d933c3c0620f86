import { isRealDate, trimString, upperString } from './input';

describe('input helpers', () => {
  it('accepts only dates that exist on the calendar', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('25-01-01')).toBe(false);
  });

  it('trims strings and leaves other values alone', () => {
    expect(trimString({ value: '  a ' })).toBe('a');
    expect(upperString({ value: ' nj ' })).toBe('NJ');
    expect(trimString({ value: 3 })).toBe(3);
  });
});
