import { TestBed } from '@angular/core/testing';
import type { AdvocacyBalance } from '@mezzo/compliance-engine';
import { ADVOCACY_WHY, AdvocacyPanel } from './advocacy-panel';

const base: AdvocacyBalance = {
  clinicalHours: 10,
  macroHours: 0,
  generalHours: 5,
  macroShare: 0,
  floorHours: 4,
  status: 'missing',
  macroCountsTowardRenewal: 'yes',
  note: 'No macro content is required and none is capped by name.',
};

async function render(balance: AdvocacyBalance): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(AdvocacyPanel);
  fixture.componentRef.setInput('balance', balance);
  await fixture.whenStable();
  return fixture.nativeElement;
}

const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ') ?? '';

describe('AdvocacyPanel', () => {
  it('flags missing macro content in words and says why it matters', async () => {
    const el = await render(base);
    expect(el.querySelector('mz-advocacy-flag')?.textContent).toContain(
      'Missing',
    );
    expect(text(el)).toContain(
      'no macro or advocacy hours count in this cycle',
    );
    expect(text(el)).toContain(ADVOCACY_WHY);
    expect(text(el)).toContain('Macro share: 0% (0 h) — floor 4 h');
  });

  it('flags a thin share and how far it is below the floor', async () => {
    const el = await render({
      ...base,
      macroHours: 1,
      macroShare: 1 / 16,
      status: 'thin',
    });
    expect(el.querySelector('mz-advocacy-flag')?.textContent).toContain('Thin');
    expect(text(el)).toContain(
      'Thin: 1 h of macro or advocacy content, below the floor of 4 h.',
    );
    expect(text(el)).toContain('3 h below the floor');
    expect(text(el)).toContain(ADVOCACY_WHY);
  });

  it('says balanced without the reminder once the floor is reached', async () => {
    const el = await render({
      ...base,
      macroHours: 5,
      macroShare: 0.25,
      status: 'balanced',
    });
    expect(el.querySelector('mz-advocacy-flag')?.textContent).toContain(
      'Balanced',
    );
    expect(text(el)).not.toContain(ADVOCACY_WHY);
    expect(text(el)).toContain('At or above the floor.');
  });

  it('draws the hours as an image with a text label and a legend', async () => {
    const el = await render({
      ...base,
      macroHours: 5,
      macroShare: 0.25,
      status: 'balanced',
    });
    expect(el.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Hours by practice level: clinical 10 h, macro 5 h, general 5 h',
    );
    expect(text(el)).toContain('Clinical: 10 h (50%)');
    expect(text(el)).toContain('Macro / advocacy: 5 h (25%)');
  });

  it('shows the state’s note when it caps macro hours', async () => {
    const el = await render({
      ...base,
      macroCountsTowardRenewal: 'capped',
      note: 'At most 6 of 30 hours may be non-clinical (Fla. Admin. Code 64B4-6.002).',
    });
    const note = el.querySelector('[role="note"]');
    expect(note?.textContent).toContain('This board caps macro hours');
    expect(note?.textContent).toContain(
      'At most 6 of 30 hours may be non-clinical',
    );
  });

  it('shows the state’s note when it refuses macro hours', async () => {
    const el = await render({
      ...base,
      macroCountsTowardRenewal: 'no',
      note: 'Clinical content only.',
    });
    expect(el.querySelector('[role="note"]')?.textContent).toContain(
      'This board does not count macro hours',
    );
  });

  it('keeps an informational note out of the way when macro hours count', async () => {
    const el = await render(base);
    expect(el.querySelector('[role="note"]')).toBeNull();
    expect(el.querySelector('details summary')?.textContent).toContain(
      'What this board says about macro hours',
    );
  });
});
