import { evaluate } from '@mezzo/compliance-engine';
import { loadRuleSets } from '../lib/registry';
import { course } from './scenario';

/** Every version of every license type goes through the engine without error. */
describe('every rule set evaluates', () => {
  const cases = loadRuleSets().flatMap((j) =>
    j.licenseTypes.flatMap((lt) => lt.versions.map((v) => ({ jur: j.jurisdiction, lt, v, name: `${j.jurisdiction} ${lt.code} ${v.version}` }))),
  );

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { jur, lt, v }) => {
    // A cycle that ends inside the version's range, far from the issue date (not a first renewal).
    const end = v.effectiveTo ?? (v.effectiveFrom > '2026-06-30' ? v.effectiveFrom : '2026-06-30');
    const months = v.cycle.months;
    const y = Number(end.slice(0, 4)) - months / 12;
    const start = `${y}${end.slice(4, 8)}${end.slice(8) === '29' && end.slice(5, 7) === '02' ? '28' : end.slice(8)}`;
    const transcript = {
      jurisdiction: jur,
      licenseType: lt.code,
      license: { issuedOn: '2005-01-01', birthDate: '1970-01-01', roles: ['supervisor', 'direct-care', 'serves-adults-26-plus'] },
      cycle: { start, end, index: 6 },
      asOf: end,
      credits: [course(end, 1, 'live-online', { practice: 'clinical', approvals: ['ACE', 'board', 'NASW', 'NYSED'] })],
    };
    const e = evaluate({ jurisdiction: jur, licenseType: lt }, transcript);
    expect(e.ruleSet.version).toBe(v.version);
    expect(e.totals.requiredHours).toBe(v.total.hours);
    expect(e.status).not.toBe('met');
    expect(e.advocacy.macroCountsTowardRenewal).toBe(v.macro.countsTowardRenewal);
  });
});
