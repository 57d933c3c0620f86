import type { PrefillResultDto } from '@mezzo/shared-contracts';
import { type PrefillTarget, planPrefill } from './prefill';

const empty: PrefillTarget = {
  title: '',
  provider: '',
  completedOn: '',
  hours: null,
  format: '',
  topics: [],
  practice: { clinical: 0, macro: 0, general: 0 },
  approvals: [],
};

const suggestion: PrefillResultDto = {
  title: 'Ethics in Telehealth Practice',
  provider: 'Garden State CE',
  aceProviderNumber: '1234',
  approvalPeriod: { start: '2024-01-01', end: '2027-01-01' },
  hours: 3,
  completedOn: '2025-02-14',
  format: 'live-online',
  categories: ['Ethics', 'Clinical'],
  topics: ['ethics'],
  practiceLevel: 'clinical',
  confidence: {},
};

describe('planPrefill', () => {
  it('fills every empty field the certificate gives', () => {
    const plan = planPrefill(empty, suggestion, '2026-11-22');
    expect(plan.patch).toEqual({
      title: 'Ethics in Telehealth Practice',
      provider: 'Garden State CE',
      completedOn: '2025-02-14',
      hours: 3,
      format: 'live-online',
      topics: ['ethics'],
      practice: { clinical: 3, macro: 0, general: 0 },
    });
    expect(plan.approval).toEqual({ body: 'ACE', number: '1234' });
    expect(plan.warnings).toEqual([]);
  });

  it('never overwrites what the licensee typed, and adds topics to theirs', () => {
    const plan = planPrefill(
      {
        ...empty,
        title: 'My title',
        hours: 2,
        format: 'self-study',
        topics: ['boundaries'],
        practice: { clinical: 0, macro: 2, general: 0 },
        approvals: [{ body: 'ace', number: '' }],
      },
      suggestion,
      '2026-11-22',
    );
    expect(plan.patch).toEqual({
      provider: 'Garden State CE',
      completedOn: '2025-02-14',
      topics: ['boundaries', 'ethics'],
    });
    expect(plan.approval).toBeNull();
    expect(plan.filled).toEqual(['Provider', 'Completion date', 'Topics']);
  });

  it('leaves a future completion date out and says why', () => {
    const plan = planPrefill(
      empty,
      { ...suggestion, completedOn: '2027-03-01' },
      '2026-11-22',
    );
    expect(plan.patch.completedOn).toBeUndefined();
    expect(plan.warnings[0]).toContain('in the future (2027-03-01)');
  });

  it('warns when the course falls outside the provider’s ACE approval period', () => {
    const plan = planPrefill(
      empty,
      {
        ...suggestion,
        approvalPeriod: { start: '2025-06-01', end: '2028-06-01' },
      },
      '2026-11-22',
    );
    expect(plan.warnings).toEqual([
      "The completion date is outside the provider's ACE approval period (2025-06-01 to 2028-06-01). A board may not accept the hours.",
    ]);
  });

  it('suggests nothing from an empty reading', () => {
    const plan = planPrefill(
      empty,
      { categories: [], topics: [], confidence: {} },
      '2026-11-22',
    );
    expect(plan).toEqual({
      patch: {},
      approval: null,
      filled: [],
      warnings: [],
    });
  });
});
