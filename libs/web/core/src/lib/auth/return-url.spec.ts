import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/credits?page=2', '/credits?page=2'],
    [null, '/dashboard'],
    ['', '/dashboard'],
    ['https://evil.example', '/dashboard'],
    ['//evil.example', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['/sign-in?returnUrl=/x', '/dashboard'],
  ])('%s → %s', (raw, expected) => {
    expect(safeReturnUrl(raw)).toBe(expected);
  });
});
