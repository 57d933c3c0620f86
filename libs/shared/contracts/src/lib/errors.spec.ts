import { ERROR_CODES, ERROR_MESSAGES } from './errors';

describe('error codes', () => {
  it('gives every code a readable message', () => {
    for (const code of ERROR_CODES)
      expect(ERROR_MESSAGES[code].length).toBeGreaterThan(10);
  });
});
