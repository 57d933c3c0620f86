import { fieldPath } from './transcript.service';

describe('fieldPath', () => {
  it.each([
    ['/credits/0/hours', 'credits.0.hours'],
    ['/jurisdiction', 'jurisdiction'],
    ['/license/issuedOn', 'license.issuedOn'],
    ['/a~1b/c~0d', 'a/b.c~d'],
    ['', 'transcript'],
    ['/', 'transcript'],
  ])('turns the JSON Pointer %j into %j', (pointer, path) => {
    expect(fieldPath(pointer)).toBe(path);
  });
});
