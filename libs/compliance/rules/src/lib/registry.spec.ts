import type { LicenseTypeRules, RuleSetVersion } from '@mezzo/compliance-engine';
import { findJurisdiction, findLicenseType, listLicenseTypes, loadRuleSets, validateAllRuleSets, versionInForce } from './registry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const JURISDICTIONS = 'AZ CA CO DC FL GA IL KY MA MD MI MN NC NJ NM NY OH OK OR PA TN TX UT VA WA WI'.split(' ');

describe('registry', () => {
  it('loads all 26 jurisdictions, validated and frozen', () => {
    expect(validateAllRuleSets()).toEqual([]);
    const all = loadRuleSets();
    expect(all.map((j) => j.jurisdiction)).toEqual(JURISDICTIONS);
    expect(Object.isFrozen(all[0])).toBe(true);
    expect(Object.isFrozen(all[0].licenseTypes[0].versions[0].requirements)).toBe(true);
  });

  it('finds a license type case-insensitively', () => {
    const hit = findLicenseType('nj', 'lcsw');
    expect(hit?.jurisdiction.name).toBe('New Jersey');
    expect(hit?.licenseType.code).toBe('LCSW');
    expect(findLicenseType('MI', 'lmsw-macro')?.licenseType.code).toBe('LMSW-Macro');
    expect(findLicenseType('NJ', 'LICSW')).toBeUndefined();
    expect(findLicenseType('ZZ', 'LCSW')).toBeUndefined();
    expect(findJurisdiction(' dc ')?.jurisdiction).toBe('DC');
  });

  it('lists every license type, skipping types without CE', () => {
    const list = listLicenseTypes();
    expect(list.length).toBeGreaterThanOrEqual(80);
    const keys = list.map((l) => `${l.jurisdiction} ${l.code}`);
    expect(keys).toContain('NC CSWM');
    expect(keys).toContain('OK LSW-Adm');
    expect(keys).not.toContain('FL RCSWI');
    expect(keys).not.toContain('OR CSWA');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('picks the version in force on a date', () => {
    const lcsw = findLicenseType('CA', 'LCSW')?.licenseType as LicenseTypeRules;
    expect(versionInForce(lcsw, '2023-05-31')?.version).toBe('2021-01-01');
    expect(versionInForce(lcsw, '2025-05-31')?.version).toBe('2023-07-01');
    expect(versionInForce(lcsw, '2020-05-31')).toBeUndefined();
  });
});

describe('data quality guards', () => {
  const sources: { path: string; s: Any }[] = [];
  const walk = (n: Any, path: string) => {
    if (Array.isArray(n)) n.forEach((v, i) => walk(v, `${path}/${i}`));
    else if (n && typeof n === 'object') {
      if (typeof n.citation === 'string' && typeof n.readOn === 'string') sources.push({ path, s: n });
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    }
  };
  for (const j of loadRuleSets()) walk(j, j.jurisdiction.toLowerCase() + '.json');

  // Sources were read on 2026-11-22; a few added later carry their own day (UTC): 2026-11-24 is
  // OAR 877-025-0006(8), OR's language courses.
  const RESEARCH_DAYS = ['2026-11-22', '2026-11-23', '2026-11-24'];

  it('a source not read on a research day says where it comes from', () => {
    const bad = sources.filter(({ s }) => !RESEARCH_DAYS.includes(s.readOn) && !/reference/.test(s.note ?? '')).map((x) => x.path);
    expect(bad).toEqual([]);
  });

  it('every version has a macro block with a note and source', () => {
    for (const j of loadRuleSets())
      for (const lt of j.licenseTypes)
        for (const v of lt.versions) {
          expect(['yes', 'capped', 'no']).toContain(v.macro.countsTowardRenewal);
          expect(v.macro.note.length).toBeGreaterThan(20);
        }
  });

  it('encodes the headline rules of the product brief', () => {
    const cur = (jur: string, code: string) => {
      const lt = findLicenseType(jur, code)?.licenseType as LicenseTypeRules;
      return lt.versions.find((v) => v.effectiveTo == null) as RuleSetVersion;
    };
    const nj = cur('NJ', 'LCSW');
    expect(nj.total.hours).toBe(40);
    expect(nj.requirements.find((r) => r.code === 'practice:clinical')?.min).toEqual({ hours: 20 });
    expect(nj.overlap?.exclusive).toEqual([
      ['practice:clinical', 'topic:ethics'],
      ['practice:clinical', 'topic:cultural-competence'],
    ]);
    expect(nj.carryover?.maxHours).toBe(8);
    expect(nj.firstRenewal).toMatchObject({ kind: 'fraction', fraction: 0.5 });
    expect(cur('MN', 'LICSW').requirements.find((r) => r.code === 'practice:clinical')?.min).toEqual({ hours: 12 });
    expect(cur('MN', 'LICSW').caps[0]).toMatchObject({ max: { shareOfTotal: 0.5 } });
    const fl = cur('FL', 'LCSW');
    expect(fl.caps[0]).toMatchObject({ code: 'cap:practice:non-clinical', max: { hours: 6 }, negate: true, match: { practice: 'clinical' } });
    expect(fl.macro.countsTowardRenewal).toBe('capped');
    expect(fl.requirements.filter((r) => r.frequency?.kind === 'alternating')).toHaveLength(2);
    expect(cur('OR', 'LCSW').macro.countsTowardRenewal).toBe('no');
    expect(cur('OR', 'LCSW').firstRenewal?.kind).toBe('exempt');
    expect(cur('OR', 'LCSW').carryover).toMatchObject({ maxHours: 10, excludedTopics: ['ethics'] });
    for (const [jur, code] of [['NY', 'LCSW'], ['MI', 'LMSW-Macro'], ['MA', 'LICSW'], ['OK', 'LCSW'], ['TN', 'LCSW']]) {
      expect(cur(jur, code).macro.countsTowardRenewal).toBe('yes');
      expect(cur(jur, code).macro.note).toMatch(/^Explicitly counts/);
    }
    expect(cur('WA', 'LICSW').macro.countsTowardRenewal).toBe('capped');
    expect(cur('MI', 'LBSW').requirements.find((r) => r.code === 'topic:implicit-bias')?.frequency).toEqual({ kind: 'per-year-of-cycle' });
    expect(cur('CA', 'LCSW').requirements.find((r) => r.code === 'topic:suicide-prevention')?.frequency).toEqual({ kind: 'once-per-career' });
    // 16 CCR 1887.3(b) and the BBS CE page: the 7 h course is part of the 36 h (only substitutes are not credited).
    expect(cur('CA', 'LCSW').requirements.find((r) => r.code === 'topic:hiv-aids')?.countsTowardTotal).toBeUndefined();
    expect(cur('NY', 'LCSW').requirements.find((r) => r.code === 'topic:child-abuse-reporting')?.countsTowardTotal).toBe(false);
    expect(cur('OK', 'LCSW').requirements.find((r) => r.code === 'format:live')?.min).toEqual({ hours: 8 });
    expect(cur('DC', 'LICSW').requirements.find((r) => r.code === 'topic:public-health-priority')?.min).toEqual({ shareOfTotal: 0.1 });
  });
});
