import type { CreditEventDto } from '@mezzo/shared-contracts';
import { creditChanges } from './credit-changes';

const base: CreditEventDto['snapshot'] = {
  id: 'c1',
  title: 'Ethics in supervision',
  provider: 'Garden State CE',
  completedOn: '2026-10-01',
  hours: 3,
  format: 'live-online',
  topics: ['ethics', 'supervision'],
  practice: { clinical: 3, macro: 0, general: 0 },
  macroAreas: [],
  approvals: [{ body: 'ACE', number: '1234' }],
  version: 1,
  deletedAt: null,
};

describe('creditChanges', () => {
  it('names a removed topic and a new approval, which the summary line does not show', () => {
    expect(
      creditChanges(base, {
        ...base,
        topics: ['supervision'],
        approvals: [...base.approvals, { body: 'NYSED' }],
      }),
    ).toEqual(['Topics: removed Ethics', 'Approvals: added NYSED']);
  });

  it('shows changed values before and after', () => {
    expect(
      creditChanges(base, {
        ...base,
        hours: 2.5,
        practice: { clinical: 2.5, macro: 0, general: 0 },
        provider: null,
      }),
    ).toEqual([
      'Provider: Garden State CE → —',
      'Hours: 3 h → 2.5 h',
      'Practice split: clinical 3 h, macro 0 h, general 0 h → clinical 2.5 h, macro 0 h, general 0 h',
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(creditChanges(base, { ...base, version: 2 })).toEqual([]);
  });
});
