import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS, MACRO_AREAS, PRACTICE_LEVELS, TOPICS } from '@mezzo/compliance-engine';
import { RULE_SET_FILES } from '../data';
import schema from '../schema/rule-set.schema.json';
import { validateRuleSetFile } from './validate';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

describe('rule-set data files', () => {
  it('bundles every file in src/data (and nothing else)', () => {
    const onDisk = readdirSync(join(__dirname, '..', 'data')).filter((f) => f.endsWith('.json')).sort();
    expect(Object.keys(RULE_SET_FILES).sort()).toEqual(onDisk);
    expect(onDisk).toHaveLength(26);
  });

  it.each(Object.keys(RULE_SET_FILES))('%s is valid (schema + semantic rules)', (file) => {
    const issues = validateRuleSetFile(RULE_SET_FILES[file], file, new Date().toISOString().slice(0, 10));
    // On failure the message names the file and the JSON Pointer of the field.
    expect(issues.map((i) => i.text)).toEqual([]);
  });
});

describe('schema mirrors the vocabulary', () => {
  const defs = (schema as Doc).$defs;
  it.each([
    ['Topic', TOPICS],
    ['Format', FORMATS],
    ['PracticeLevel', PRACTICE_LEVELS],
    ['MacroArea', MACRO_AREAS],
  ])('%s enum equals the vocabulary', (name, values) => {
    expect(defs[name].enum).toEqual([...values]);
  });
});

describe('validateRuleSetFile on broken copies', () => {
  const nj = RULE_SET_FILES['nj.json'] as Doc;

  it('names file and field for a bad readOn date', () => {
    const broken = clone(nj);
    broken.licenseTypes[2].versions[0].requirements[1].source.readOn = '22/11/2026';
    const texts = validateRuleSetFile(broken, 'nj.json').map((i) => i.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^nj\.json: \/licenseTypes\/2\/versions\/0\/requirements\/1\/source\/readOn: must match pattern/);
  });

  it('reports a missing required Source field', () => {
    const broken = clone(nj);
    delete broken.licenseTypes[0].versions[0].total.source.url;
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)).toEqual([
      "nj.json: /licenseTypes/0/versions/0/total/source: must have required property 'url'",
    ]);
  });

  it('rejects a topic outside the vocabulary', () => {
    const broken = clone(nj);
    broken.licenseTypes[0].versions[0].requirements[0].match.topics = ['astrology'];
    const texts = validateRuleSetFile(broken, 'nj.json').map((i) => i.text);
    expect(texts.join('\n')).toContain('nj.json: /licenseTypes/0/versions/0/requirements/0/match/topics/0: must be equal to one of the allowed values');
  });

  it('rejects unknown properties (the schema mirrors the types exactly)', () => {
    const broken = clone(nj);
    broken.licenseTypes[0].versions[0].caps = [{ ...broken.licenseTypes[0].versions[0].requirements[0], code: 'cap:topic:ethics', max: { hours: 2 } }];
    const texts = validateRuleSetFile(broken, 'nj.json').map((i) => i.text).join('\n');
    expect(texts).toContain('nj.json: /licenseTypes/0/versions/0/caps/0: must NOT have additional properties (min)');
  });

  it('checks the file name against the jurisdiction code', () => {
    expect(validateRuleSetFile(clone(nj), 'ny.json').map((i) => i.text)).toEqual([
      'ny.json: /jurisdiction: jurisdiction "NJ" does not match file name (expected nj.json)',
    ]);
  });

  it('detects overlapping version ranges', () => {
    const broken = clone(nj);
    const v = broken.licenseTypes[2].versions[0];
    broken.licenseTypes[2].versions = [
      { ...clone(v), version: 'a', effectiveFrom: '2018-09-01', effectiveTo: '2024-08-31' },
      { ...clone(v), version: 'b', effectiveFrom: '2024-08-31' },
    ];
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)).toEqual([
      'nj.json: /licenseTypes/2/versions/1/effectiveFrom: effective range 2024-08-31..9999-12-31 overlaps version at /licenseTypes/2/versions/0 (2018-09-01..2024-08-31)',
    ]);
  });

  it('detects duplicate requirement codes, malformed codes and dangling overlap codes', () => {
    const broken = clone(nj);
    const v = broken.licenseTypes[2].versions[0];
    v.requirements.push(clone(v.requirements[1]));
    v.requirements[0].code = 'practice:macro';
    v.overlap.exclusive.push(['topic:ethics', 'topic:boundaries']);
    const texts = validateRuleSetFile(broken, 'nj.json').map((i) => i.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'nj.json: /licenseTypes/2/versions/0/requirements/3/code: duplicate requirement code "topic:ethics" in this version (also at /licenseTypes/2/versions/0/requirements/1)',
        'nj.json: /licenseTypes/2/versions/0/requirements/0/match/practice: must be "macro" for code "practice:macro"',
        'nj.json: /licenseTypes/2/versions/0/overlap/exclusive/0/0: "practice:clinical" is not a requirement code of this version',
        'nj.json: /licenseTypes/2/versions/0/overlap/exclusive/2/1: "topic:boundaries" is not a requirement code of this version',
      ]),
    );
  });

  it('rejects a code pattern the schema does not allow', () => {
    const broken = clone(nj);
    broken.licenseTypes[0].versions[0].requirements[0].code = 'ethics';
    const texts = validateRuleSetFile(broken, 'nj.json').map((i) => i.text);
    expect(texts[0]).toMatch(/^nj\.json: \/licenseTypes\/0\/versions\/0\/requirements\/0\/code: must match pattern/);
  });

  it('accepts a qualified code (`<family>:<value>:<qualifier>`) and checks its value against the matcher', () => {
    const ok = clone(nj);
    const v = ok.licenseTypes[2].versions[0];
    const ethics = v.requirements.findIndex((r: Doc) => r.code === 'topic:ethics');
    v.requirements.push({ ...clone(v.requirements[ethics]), code: 'topic:ethics:jurisprudence' });
    expect(validateRuleSetFile(ok, 'nj.json').map((i) => i.text)).toEqual([]);
    const wrong = clone(ok);
    wrong.licenseTypes[2].versions[0].requirements.at(-1).code = 'topic:boundaries:jurisprudence';
    expect(validateRuleSetFile(wrong, 'nj.json').map((i) => i.text)).toEqual([
      `nj.json: /licenseTypes/2/versions/0/requirements/${v.requirements.length - 1}/match/topics: must list exactly the topics named by code "topic:boundaries:jurisprudence" (got ["ethics"])`,
    ]);
    const malformed = clone(ok);
    malformed.licenseTypes[2].versions[0].requirements.at(-1).code = 'topic:ethics:Jurisprudence';
    expect(validateRuleSetFile(malformed, 'nj.json').map((i) => i.text)[0]).toMatch(/code: must match pattern/);
  });

  it('rejects a future readOn and an impossible date', () => {
    const broken = clone(nj);
    broken.licenseTypes[0].versions[0].total.source.readOn = '2026-02-30';
    broken.licenseTypes[1].versions[0].total.source.readOn = '2999-01-01';
    const texts = validateRuleSetFile(broken, 'nj.json', '2026-11-22').map((i) => i.text);
    expect(texts).toEqual([
      'nj.json: /licenseTypes/0/versions/0/total/source/readOn: "2026-02-30" is not a calendar date',
      'nj.json: /licenseTypes/1/versions/0/total/source/readOn: "2999-01-01" is in the future',
    ]);
  });

  it('checks firstRenewalHours: an hours minimum, not above it, with a reducing first-renewal rule', () => {
    const broken = clone(nj);
    const lcsw = broken.licenseTypes[2].versions[0];
    const ethics = lcsw.requirements.findIndex((r: Doc) => r.code === 'topic:ethics');
    lcsw.requirements[ethics].firstRenewalHours = 6;
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)).toEqual([
      `nj.json: /licenseTypes/2/versions/0/requirements/${ethics}/firstRenewalHours: 6 h is above the full minimum of 5 h`,
    ]);
    lcsw.requirements[ethics].firstRenewalHours = 3;
    lcsw.firstRenewal = { ...lcsw.firstRenewal, kind: 'full' };
    delete lcsw.firstRenewal.fraction;
    delete lcsw.firstRenewal.whenIssuedAfterMonths;
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)).toContain(
      `nj.json: /licenseTypes/2/versions/0/requirements/${ethics}/firstRenewalHours: only applies when firstRenewal is "fraction" or "prorate"`,
    );
  });

  it('rejects a completedOnOrAfter that is not a calendar date', () => {
    const broken = clone(nj);
    broken.licenseTypes[0].versions[0].requirements[0].match.completedOnOrAfter = '2025-02-29';
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)).toEqual([
      'nj.json: /licenseTypes/0/versions/0/requirements/0/match/completedOnOrAfter: "2025-02-29" is not a calendar date',
    ]);
    broken.licenseTypes[0].versions[0].requirements[0].match.completedOnOrAfter = 'soon';
    expect(validateRuleSetFile(broken, 'nj.json').map((i) => i.text)[0]).toMatch(/requirements\/0\/match\/completedOnOrAfter: must match pattern/);
  });

    it('checks alternating groups are complete', () => {
    const fl = clone(RULE_SET_FILES['fl.json'] as Doc);
    fl.licenseTypes[0].versions[0].requirements = fl.licenseTypes[0].versions[0].requirements.filter((r: Doc) => r.code !== 'topic:telehealth');
    expect(validateRuleSetFile(fl, 'fl.json').map((i) => i.text)).toEqual([
      'fl.json: /licenseTypes/0/versions/0/requirements: alternating group "fl-ethics-teletherapy" has 1 member(s) but of = 2',
    ]);
  });

  it('checks an alternating group shares one anchorCycleEnd, a calendar date', () => {
    const fl = clone(RULE_SET_FILES['fl.json'] as Doc);
    const reqs = fl.licenseTypes[0].versions[0].requirements;
    const tele = reqs.findIndex((r: Doc) => r.code === 'topic:telehealth');
    reqs[tele].frequency.anchorCycleEnd = '2025-03-31';
    expect(validateRuleSetFile(fl, 'fl.json').map((i) => i.text)).toEqual([
      `fl.json: /licenseTypes/0/versions/0/requirements/${tele}/frequency/anchorCycleEnd: alternating group "fl-ethics-teletherapy" has inconsistent "anchorCycleEnd" (2023-03-31 vs 2025-03-31)`,
    ]);
    reqs[tele].frequency.anchorCycleEnd = '2025-02-30';
    expect(validateRuleSetFile(fl, 'fl.json').map((i) => i.text)).toEqual([
      `fl.json: /licenseTypes/0/versions/0/requirements/${tele}/frequency/anchorCycleEnd: "2025-02-30" is not a calendar date`,
    ]);
  });

  it('checks first-renewal exceptions name requirements of the version, and cap exceptTopics the vocabulary', () => {
    const pa = clone(RULE_SET_FILES['pa.json'] as Doc);
    pa.licenseTypes[0].versions[0].firstRenewal.except = ['topic:child-abuse-reporting', 'topic:act-31'];
    expect(validateRuleSetFile(pa, 'pa.json').map((i) => i.text)).toEqual([
      'pa.json: /licenseTypes/0/versions/0/firstRenewal/except/1: "topic:act-31" is not a requirement code of this version',
    ]);
    const fl = clone(RULE_SET_FILES['fl.json'] as Doc);
    fl.licenseTypes[0].versions[0].caps[0].exceptTopics = ['ethics', 'teletherapy'];
    expect(validateRuleSetFile(fl, 'fl.json').map((i) => i.text).join('\n')).toContain('fl.json: /licenseTypes/0/versions/0/caps/0/exceptTopics/1: must be equal to one of the allowed values');
  });

  it('checks an additional-license rule names hour minimums of the version, once each', () => {
    const ok = clone(RULE_SET_FILES['ok.json'] as Doc);
    ok.licenseTypes[0].versions[0].additionalLicense.requirements = ['format:live', 'topic:supervision', 'format:live'];
    expect(validateRuleSetFile(ok, 'ok.json').map((i) => i.text)).toEqual([
      'ok.json: /licenseTypes/0/versions/0/additionalLicense/requirements/1: "topic:supervision" is not a requirement code of this version',
      'ok.json: /licenseTypes/0/versions/0/additionalLicense/requirements/2: "format:live" is listed twice',
    ]);
    ok.licenseTypes[0].versions[0].additionalLicense.requirements = ['format:live'];
    ok.licenseTypes[0].versions[0].requirements[1].min = { shareOfTotal: 0.5 };
    expect(validateRuleSetFile(ok, 'ok.json').map((i) => i.text)).toEqual([
      'ok.json: /licenseTypes/0/versions/0/additionalLicense/requirements/0: "format:live" is a share of the total, which grows with the total already',
    ]);
    ok.licenseTypes[0].versions[0].additionalLicense.hours = 0;
    expect(validateRuleSetFile(ok, 'ok.json').map((i) => i.text).join('\n')).toContain('ok.json: /licenseTypes/0/versions/0/additionalLicense/hours: must be > 0');
  });
});
