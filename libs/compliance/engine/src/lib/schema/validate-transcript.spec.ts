import { validateTranscript, transcriptSchema } from './validate-transcript';
import schemaFile from './transcript.schema.json';

const valid = {
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  license: { issuedOn: '2020-02-01' },
  asOf: '2026-01-15',
  credits: [{ id: 'a', title: 'Ethics', completedOn: '2025-03-01', hours: 3, format: 'live-online', topics: ['ethics'], practice: { clinical: 0, macro: 1, general: 2 } }],
};

describe('validateTranscript', () => {
  it('accepts a valid transcript', () => {
    expect(validateTranscript(valid)).toEqual({ ok: true, transcript: valid });
  });

  it('names the field path of structural errors', () => {
    const bad = { ...valid, credits: [{ ...valid.credits[0], hours: -1, format: 'podcast' }] };
    const result = validateTranscript(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/credits/0/hours', '/credits/0/format']));
    }
  });

  it('reports missing and unknown fields at their path', () => {
    const result = validateTranscript({ licenseType: 'LCSW', credits: [], extra: 1 });
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(['/extra', '/jurisdiction']);
  });

  it('rejects impossible dates and a practice split that does not sum to the hours', () => {
    const bad = { ...valid, asOf: '2026-02-30', credits: [{ ...valid.credits[0], practice: { clinical: 1, macro: 0, general: 0 } }] };
    const result = validateTranscript(bad);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['/asOf', '/credits/0/practice']);
  });

  it('reserves the credit id "carryover", which names carried-over hours in the output', () => {
    const bad = { ...valid, carryoverHours: 2, credits: [{ ...valid.credits[0], id: 'carryover' }] };
    const result = validateTranscript(bad);
    expect(result.ok ? [] : result.errors).toEqual([{ path: '/credits/0/id', message: expect.stringContaining('is reserved') }]);
  });

  it('takes the other licenses held as distinct license types, at most 20', () => {
    const withOthers = (otherLicenses: unknown) => validateTranscript({ ...valid, license: { ...valid.license, otherLicenses } });
    expect(withOthers(['LSW-ADM']).ok).toBe(true);
    expect(withOthers([]).ok).toBe(true);
    const paths = (r: ReturnType<typeof validateTranscript>) => (r.ok ? [] : r.errors.map((e) => e.path));
    expect(paths(withOthers('LSW-ADM'))).toEqual(['/license/otherLicenses']);
    expect(paths(withOthers(['']))).toEqual(['/license/otherLicenses/0']);
    expect(paths(withOthers(['LCSW', 'LCSW']))).toEqual(['/license/otherLicenses']);
    expect(paths(withOthers(Array.from({ length: 21 }, (_, i) => `LSW-${i}`)))).toEqual(['/license/otherLicenses']);
  });

  it('exports the same schema object as the published file', () => {
    expect(transcriptSchema).toEqual(schemaFile);
  });
});
