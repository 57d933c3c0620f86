import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideRouter } from '@angular/router';
import type { SettingsDto } from '@mezzo/shared-contracts';
import { confirmLeavingUnsaved } from '@mezzo/web-core';
import { SETTINGS_ROUTES } from '../account.routes';
import { SettingsPage, percentOrEmpty } from './settings.page';

const SETTINGS: SettingsDto = {
  advocacyFloorPercent: null,
  reminders: { deadlines: true, advocacy: false },
  calendar: { enabled: false, createdAt: null },
};

describe('percentOrEmpty', () => {
  const check = (v: string | number | null) =>
    percentOrEmpty(new FormControl(v));
  it('takes empty (the default) or 0–100 with two decimals', () => {
    expect(check('')).toBeNull();
    expect(check(null)).toBeNull();
    expect(check(0)).toBeNull();
    expect(check(12.5)).toBeNull();
    expect(check(100)).toBeNull();
    expect(check(-1)).toEqual({ range: true });
    expect(check(100.01)).toEqual({ range: true });
    expect(check(1.234)).toEqual({ decimals: true });
    expect(check('abc')).toEqual({ number: true });
  });
});

describe('SettingsPage', () => {
  let fixture: ComponentFixture<SettingsPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  const stable = () => fixture.whenStable();
  const button = (name: string) => {
    const b = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (x) => x.textContent?.trim() === name,
    );
    if (!b) throw new Error(`No button ${name}`);
    return b;
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SettingsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsPage);
    el = fixture.nativeElement;
    await stable();
    backend.expectOne('/api/me/settings').flush(SETTINGS);
    await stable();
  });

  afterEach(() => backend.verify());

  it('shows the saved settings and sends the changes', async () => {
    const floor = el.querySelector<HTMLInputElement>(
      'input[formcontrolname="advocacyFloorPercent"]',
    );
    expect(floor?.value).toBe('');
    const toggles = el.querySelectorAll<HTMLButtonElement>(
      'mat-slide-toggle button[role="switch"]',
    );
    expect(
      Array.from(toggles).map((t) => t.getAttribute('aria-checked')),
    ).toEqual(['true', 'false']);

    floor!.value = '15';
    floor!.dispatchEvent(new Event('input'));
    toggles[1].click();
    await stable();
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/me/settings' });
    expect(req.request.body).toEqual({
      advocacyFloorPercent: 15,
      reminders: { deadlines: true, advocacy: true },
    });
    req.flush({
      ...SETTINGS,
      advocacyFloorPercent: 15,
      reminders: { deadlines: true, advocacy: true },
    });
    await stable();
    expect(el.textContent).toContain('Your settings are saved.');
  });

  it('holds unsaved changes from the first change until they are saved', async () => {
    const page = fixture.componentInstance;
    expect(page.hasUnsavedChanges()).toBe(false);
    el.querySelectorAll<HTMLButtonElement>(
      'mat-slide-toggle button[role="switch"]',
    )[0].click();
    await stable();
    expect(page.hasUnsavedChanges()).toBe(true);
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
    backend
      .expectOne({ method: 'PATCH', url: '/api/me/settings' })
      .flush({ ...SETTINGS, reminders: { deadlines: false, advocacy: false } });
    await stable();
    expect(page.hasUnsavedChanges()).toBe(false);
    // The route asks before the page is left with changes not saved.
    expect(SETTINGS_ROUTES[0].canDeactivate).toEqual([confirmLeavingUnsaved]);
  });

  it('does not send a floor outside 0–100', async () => {
    const floor = el.querySelector<HTMLInputElement>(
      'input[formcontrolname="advocacyFloorPercent"]',
    )!;
    floor.value = '140';
    floor.dispatchEvent(new Event('input'));
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
    backend.expectNone({ method: 'PATCH', url: '/api/me/settings' });
    expect(el.querySelector('mat-error')?.textContent).toContain(
      'Enter a percentage from 0 to 100.',
    );
  });

  it('makes a calendar feed URL, shows it once, and turns it off', async () => {
    expect(el.textContent).toContain('No feed yet.');
    button('Create a feed URL').click();
    await stable();
    backend
      .expectOne({ method: 'POST', url: '/api/me/calendar-token' })
      .flush({ url: 'http://localhost:3000/api/calendar/secret.ics' });
    await stable();
    const url = Array.from(el.querySelectorAll<HTMLInputElement>('input')).find(
      (i) => i.readOnly,
    );
    expect(url?.value).toBe('http://localhost:3000/api/calendar/secret.ics');

    button('Turn the feed off').click();
    await stable();
    backend
      .expectOne({ method: 'DELETE', url: '/api/me/calendar-token' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(el.textContent).toContain('No feed yet.');
    expect(el.textContent).not.toContain('secret.ics');
  });
});
