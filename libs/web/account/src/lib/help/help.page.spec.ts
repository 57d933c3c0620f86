import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthStore, HELP_PATH } from '@mezzo/web-core';
import { HelpPage } from './help.page';

describe('HelpPage', () => {
  let fixture: ComponentFixture<HelpPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  const stable = () => fixture.whenStable();
  const links = () =>
    Array.from(el.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [HelpPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open() {
    fixture = TestBed.createComponent(HelpPage);
    el = fixture.nativeElement;
    await stable();
  }

  it('names the support address as a mail link, and what to do first', async () => {
    await open();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Help');
    backend
      .expectOne({ method: 'GET', url: HELP_PATH })
      .flush({ supportEmail: 'help@mezzo.test' });
    await stable();
    expect(el.textContent).toContain(
      'Write to Mezzo support at help@mezzo.test',
    );
    expect(links()).toEqual(
      expect.arrayContaining([
        ['help@mezzo.test', 'mailto:help@mezzo.test'],
        ['Forgot your password?', '/forgot-password'],
        ['Sign in', '/sign-in'],
      ]),
    );
    expect(el.textContent).toContain('It works once, for 7 days');
    // Headings in order, one level below the page's.
    expect(
      Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim()),
    ).toEqual([
      'Someone else changed your sign-in email',
      'You forgot your password',
      'A requirement or a cycle looks wrong',
    ]);
  });

  it('reads the address once, and points to this page while it cannot be read', async () => {
    await open();
    backend
      .expectOne(HELP_PATH)
      .flush('down', { status: 503, statusText: 'Unavailable' });
    await stable();
    expect(links()).toContainEqual(['the address on the Help page', '/help']);
    // Another page asking for it tries again; once read, it is not asked for again.
    fixture.destroy();
    await open();
    backend.expectOne(HELP_PATH).flush({ supportEmail: 'help@mezzo.test' });
    await stable();
    fixture.destroy();
    await open();
    backend.expectNone(HELP_PATH);
    expect(links()).toContainEqual([
      'help@mezzo.test',
      'mailto:help@mezzo.test',
    ]);
  });

  it('leads a signed-in person back to the dashboard', async () => {
    TestBed.inject(AuthStore).setSession({
      accessToken: 't',
      user: {
        id: 'u1',
        email: 'robin@example.org',
        name: 'Robin',
        isPlatformAdmin: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        memberships: [],
      },
      expiresIn: 900,
    });
    await open();
    backend.expectOne(HELP_PATH).flush({ supportEmail: 'help@mezzo.test' });
    await stable();
    expect(links()).toContainEqual(['Back to your dashboard', '/dashboard']);
  });
});
