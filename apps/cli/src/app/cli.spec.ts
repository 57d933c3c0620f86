import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evaluation, JurisdictionRules } from '@mezzo/compliance-engine';
import { runCli, type CliIo } from './cli';
import { bundledRules, inMemoryRules, type RuleSource } from './rule-source';

const fixtures = join(__dirname, '..', 'fixtures');

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], rules: RuleSource = bundledRules, stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => readFile(p, 'utf8'),
    readStdin: async () => stdin,
    today: () => '2026-05-15',
  };
  const code = await runCli(argv, io, rules);
  return { code, stdout, stderr };
}

const source = { citation: 'Test', url: 'https://example.org', readOn: '2026-01-01', confidence: 'high' as const };
const zz: JurisdictionRules = {
  jurisdiction: 'ZZ',
  name: 'Testland',
  board: { name: 'Board', url: 'https://example.org' },
  licenseTypes: [
    {
      code: 'LCSW',
      name: 'Clinical',
      versions: [
        {
          version: 'v1',
          effectiveFrom: '2020-01-01',
          cycle: { months: 12, anchor: 'fixed', month: 12, day: 31, source },
          total: { hours: 10, source },
          requirements: [{ code: 'topic:ethics', label: 'Ethics', min: { hours: 2 }, match: { topics: ['ethics'] }, source }],
          caps: [],
          macro: { countsTowardRenewal: 'yes', note: '', source },
        },
      ],
    },
  ],
};

describe('mezzo evaluate', () => {
  it('prints the Evaluation JSON with 2-space indentation and exits 0', async () => {
    const r = await run(['evaluate', join(fixtures, 'nj-lcsw-met.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"jurisdiction": "NJ",/);
    const e = JSON.parse(r.stdout) as Evaluation;
    expect(e).toMatchObject({ jurisdiction: 'NJ', licenseType: 'LCSW', cycle: { end: '2026-08-31' } });
    // NJ: clinical hours may not double as ethics hours; the 5 clinical ethics hours serve ethics.
    expect(e.requirements.find((x) => x.code === 'topic:ethics')?.met).toBe(true);
    expect(e.advocacy.macroHours).toBe(7);
  });

  it('reads stdin with -', async () => {
    const transcript = { jurisdiction: 'ZZ', licenseType: 'lcsw', credits: [{ id: 'a', title: 'E', completedOn: '2026-02-01', hours: 10, format: 'live-online', topics: ['ethics'], practice: { clinical: 0, macro: 0, general: 10 } }] };
    const r = await run(['evaluate', '-'], inMemoryRules([zz]), JSON.stringify(transcript));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'met', cycle: { start: '2026-01-01', end: '2026-12-31', daysLeft: 230 } });
  });

  it('exits 2 naming --today when it is not a real date, and uses it when it is', async () => {
    const transcript = { jurisdiction: 'ZZ', licenseType: 'LCSW', credits: [] };
    for (const bad of ['2025-02-30', 'garbage', '99999-01-01']) {
      const r = await run(['evaluate', '--today', bad, '-'], inMemoryRules([zz]), JSON.stringify(transcript));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`option '--today <date>' argument '${bad}' is invalid. expected a real date YYYY-MM-DD`);
      expect(r.stderr).not.toMatch(/\bat \w+ \(/);
    }
    const ok = await run(['evaluate', '--today', '2025-03-01', '-'], inMemoryRules([zz]), JSON.stringify(transcript));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ cycle: { end: '2025-12-31', daysLeft: 305 } });
  });

  it('exits 2 when the cycle would end after 9999-12-31', async () => {
    // NJ's 24-month cycle containing 9999-12-31 would end on 10000-08-31.
    const transcript = { jurisdiction: 'NJ', licenseType: 'LCSW', asOf: '9999-12-31', credits: [] };
    const r = await run(['evaluate', '-'], bundledRules, JSON.stringify(transcript));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mezzo: Cannot evaluate: \/asOf: The cycle containing 9999-12-31 would run outside the years 0000–9999/);
  });

  it('exits 2 naming the field paths of an invalid transcript', async () => {
    const r = await run(['evaluate', join(fixtures, 'invalid.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('/credits/0/hours');
    expect(r.stderr).toContain('/credits/1/format');
  });

  it('exits 2 on a file that is not JSON or does not exist', async () => {
    expect((await run(['evaluate', join(fixtures, 'not-json.json')])).stderr).toContain('not valid JSON');
    const missing = await run(['evaluate', join(fixtures, 'nope.json')]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('ENOENT') });
  });

  it('exits 2 naming the known jurisdictions for an unknown one', async () => {
    const r = await run(['evaluate', join(fixtures, 'unknown-jurisdiction.json')], inMemoryRules([zz]));
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown jurisdiction "XX". Known jurisdictions: ZZ') });
  });

  it('exits 2 naming the known jurisdictions for a malformed one too', async () => {
    for (const jurisdiction of ['NJX', 'nj', '']) {
      const r = await run(['evaluate', '-'], inMemoryRules([zz]), JSON.stringify({ jurisdiction, licenseType: 'LCSW', credits: [] }));
      expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('/jurisdiction: must match pattern "^[A-Z]{2}$" (known jurisdictions: ZZ)') });
    }
  });

  it('exits 2 naming /credits when the credits add up to more than the engine evaluates', async () => {
    const credits = Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, title: 't', completedOn: '2025-01-01', hours: 10000, format: 'live-online', topics: [], practice: { clinical: 10000, macro: 0, general: 0 } }));
    const r = await run(['evaluate', '-'], bundledRules, JSON.stringify({ jurisdiction: 'NJ', licenseType: 'LCSW', asOf: '2026-05-01', credits }));
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot evaluate: /credits: The credits add up to more than 1,000,000 hours') });
  });

  it('exits 2 naming the known license types for an unknown one', async () => {
    const r = await run(['evaluate', join(fixtures, 'unknown-license-type.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown license type "LXYZ" for NJ\. Known license types: .*LCSW/);
  });

  it('exits 2 when the engine cannot derive the cycle, naming the missing field', async () => {
    const birth = structuredClone(zz);
    birth.licenseTypes[0].versions[0].cycle = { months: 24, anchor: 'birth-month', source };
    const r = await run(['evaluate', '-'], inMemoryRules([birth]), JSON.stringify({ jurisdiction: 'ZZ', licenseType: 'LCSW', credits: [] }));
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('/license/birthDate') });
  });
});

describe('mezzo rules', () => {
  it('lists every license type', async () => {
    const r = await run(['rules', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NJ {2}LCSW /m);
    const json = await run(['rules', 'list', '--json'], inMemoryRules([zz]));
    expect(JSON.parse(json.stdout)).toEqual([{ jurisdiction: 'ZZ', jurisdictionName: 'Testland', code: 'LCSW', name: 'Clinical', versions: ['v1'] }]);
  });

  it('shows one rule set as JSON, case-insensitively', async () => {
    const r = await run(['rules', 'show', 'nj', 'lcsw']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ jurisdiction: 'NJ', code: 'LCSW', versions: expect.any(Array) });
  });

  it('exits 2 for an unknown rule set and for a usage error', async () => {
    expect((await run(['rules', 'show', 'NJ', 'NOPE'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
