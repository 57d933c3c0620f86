import { FORMATS, LIVE_FORMATS } from './vocabulary.types';

describe('vocabulary', () => {
  it('lists live formats among the formats', () => {
    for (const f of LIVE_FORMATS) expect(FORMATS).toContain(f);
  });
});
