import type { Evaluation } from '@mezzo/compliance-engine';
import { pdfText } from '@mezzo/api-testing';
import { renderAuditPacketPdf } from './audit-packet.pdf';

const source = {
  citation: 'N.J.A.C. 13:44G-6.2',
  url: 'https://example.test/njac',
  readOn: '2026-11-01',
  confidence: 'high' as const,
};

/** An evaluation with three exclusions listed, as the engine lists them, by credit id. */
const evaluation: Evaluation = {
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  ruleSet: { version: '2018-09-01', effectiveFrom: '2018-09-01' },
  cycle: {
    start: '2024-09-01',
    end: '2026-08-31',
    firstRenewal: false,
    daysLeft: 120,
  },
  status: 'in-progress',
  totals: { requiredHours: 40, countedHours: 0, remainingHours: 40 },
  requirements: [
    {
      code: 'total',
      label: 'Total hours',
      requiredHours: 40,
      countedHours: 0,
      remainingHours: 40,
      met: false,
      allocations: [],
      source,
    },
  ],
  excluded: [
    { creditId: 'a-gone', hours: 1, reason: 'duplicate', detail: 'Same id' },
    {
      creditId: 'b-2025',
      hours: 2,
      reason: 'over-cap',
      detail: 'Above the self-study cap',
    },
    {
      creditId: 'c-2019',
      hours: 3,
      reason: 'outside-cycle',
      detail: 'Completed outside the renewal cycle',
    },
  ],
  advocacy: {
    clinicalHours: 0,
    macroHours: 0,
    generalHours: 0,
    macroShare: 0,
    floorHours: 4,
    status: 'missing',
    macroCountsTowardRenewal: 'yes',
    note: 'Not addressed.',
  },
  plan: [],
};

describe('renderAuditPacketPdf', () => {
  it('lists the hours not counted in date order, as the credits, not in the order of their ids', async () => {
    const pdf = await renderAuditPacketPdf({
      licensee: { name: 'Dee', email: 'dee@example.org' },
      license: {
        jurisdiction: 'NJ',
        licenseType: 'LCSW',
        number: 'AUDIT-1',
        issuedOn: '2018-03-10',
      },
      evaluation,
      credits: [
        {
          id: 'b-2025',
          title: 'Self-paced CBT',
          provider: null,
          completedOn: '2025-04-02',
          hours: 2,
          format: 'self-study',
          approvals: [],
          certificates: [],
        },
      ],
      otherCredits: [
        { id: 'c-2019', title: 'Long ago', completedOn: '2019-01-10' },
      ],
      generatedAt: '2026-05-01',
    });
    const [, notCounted] = (await pdfText(pdf))
      .replace(/\s+/g, ' ')
      .split('Hours not counted');
    const at = (text: string) => notCounted.indexOf(text);
    expect(at('2019-01-10 Long ago — 3 h')).toBeGreaterThanOrEqual(0);
    expect(at('2025-04-02 Self-paced CBT — 2 h')).toBeGreaterThan(
      at('2019-01-10 Long ago — 3 h'),
    );
    // A credit no longer in the log comes last.
    expect(at('A credit no longer in the log — 1 h')).toBeGreaterThan(
      at('2025-04-02 Self-paced CBT — 2 h'),
    );
  });
});
