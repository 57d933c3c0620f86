import { course, filler, run, unmet } from './scenario';

describe('Arizona LCSW (30 h / 2 years; ethics, cultural competency and the AZ tutorial)', () => {
  const license = { issuedOn: '2012-11-01' };
  const cycle = { start: '2024-11-01', end: '2026-10-31', index: 7 };
  const base = [
    course('2025-01-11', 3, 'live-online', { topics: ['ethics'] }),
    course('2025-02-15', 3, 'live-online', { topics: ['cultural-competence'] }),
    ...filler(['2025-05-03', '2025-09-20', '2026-03-28'], 7, 'live-in-person', { practice: 'clinical' }),
  ];

  it('meets the rules', () => {
    const e = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-06', 3, 'self-study', { topics: ['laws-and-rules'], title: 'Arizona Statutes/Regulations Tutorial' })] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags the missing Arizona tutorial', () => {
    const e = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-06', 3, 'self-study', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:laws-and-rules']);
  });
});
