import { toContactHours } from './contact-hours';
import { testSource } from '../testing/fixtures';

describe('toContactHours', () => {
  const conversions = { ceuHours: 10, semesterCreditHours: 15, source: testSource };

  it('converts with the board factors', () => {
    expect(toContactHours(1.5, 'ceu', conversions)).toBe(15);
    expect(toContactHours(3, 'semester-credit', conversions)).toBe(45);
    expect(toContactHours(2.5, 'hours', undefined)).toBe(2.5);
  });

  it('refuses a unit the board does not define instead of guessing', () => {
    expect(() => toContactHours(1, 'quarter-credit', conversions)).toThrow(/quarter-credit/);
    expect(() => toContactHours(1, 'ceu', undefined)).toThrow(/ceu/);
  });
});
