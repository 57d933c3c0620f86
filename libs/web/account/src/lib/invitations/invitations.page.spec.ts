import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { InvitationDto } from '@mezzo/shared-contracts';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { InvitationsPage } from './invitations.page';

const GARDEN: InvitationDto = {
  id: '11111111-1111-4111-8111-111111111111',
  organizationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  organizationName: 'Garden State CE',
  organizationKind: 'provider',
  role: 'member',
  invitedByName: 'Olu Owner',
  createdAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-03-15T10:00:00.000Z',
};
const CHAPTER: InvitationDto = {
  ...GARDEN,
  id: '22222222-2222-4222-8222-222222222222',
  organizationId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  organizationName: 'NASW New Jersey Chapter',
  organizationKind: 'association',
  role: 'admin',
  invitedByName: null,
};

describe('InvitationsPage', () => {
  let fixture: ComponentFixture<InvitationsPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  const stable = () => fixture.whenStable();
  const button = (name: string) => {
    const b = el.querySelector<HTMLButtonElement>(
      `button[aria-label="${name}"]`,
    );
    if (!b) throw new Error(`No button ${name}`);
    return b;
  };
  const headings = () =>
    Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
  const status = () =>
    el
      .querySelector('[role="status"][aria-live="polite"]')
      ?.textContent?.trim();

  async function open(token?: string) {
    fixture = TestBed.createComponent(InvitationsPage);
    if (token) fixture.componentRef.setInput('token', token);
    el = fixture.nativeElement;
    await stable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InvitationsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setSession({
      accessToken: 't',
      user: { id: 'u1', email: 'sam@example.org', name: 'Sam Worker' },
    } as Parameters<AuthStore['setSession']>[0]);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('shows loading, then each invitation with who invited and when it expires', async () => {
    await open();
    expect(
      el.querySelector(
        'mat-progress-bar[aria-label="Loading your invitations"]',
      ),
    ).not.toBeNull();
    backend.expectOne('/api/me/invitations').flush([GARDEN, CHAPTER]);
    await stable();
    expect(el.querySelector('h1')?.textContent).toContain('Invitations');
    expect(headings()).toEqual([
      'Garden State CE invites you to join as a member',
      'NASW New Jersey Chapter invites you to join as an admin',
    ]);
    expect(el.textContent).toContain('Invited by Olu Owner');
    expect(el.textContent).toMatch(/Expires\s+Mar 15, 2026/);
    expect(button('Accept the invitation to Garden State CE')).toBeTruthy();
    expect(
      button('Decline the invitation to NASW New Jersey Chapter'),
    ).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says so when nothing is waiting', async () => {
    await open();
    backend.expectOne('/api/me/invitations').flush([]);
    await stable();
    expect(headings()).toEqual(['No invitations waiting']);
    expect(el.textContent).toContain(
      'When an organisation invites sam@example.org',
    );
  });

  it('accepts: the invitation leaves the list and the result is announced', async () => {
    await open();
    backend.expectOne('/api/me/invitations').flush([GARDEN, CHAPTER]);
    await stable();
    button('Accept the invitation to Garden State CE').click();
    await stable();
    const req = backend.expectOne({
      method: 'POST',
      url: `/api/me/invitations/${GARDEN.id}/accept`,
    });
    // One answer at a time.
    expect(
      button('Decline the invitation to NASW New Jersey Chapter').disabled ||
        button(
          'Decline the invitation to NASW New Jersey Chapter',
        ).getAttribute('aria-disabled') === 'true',
    ).toBe(true);
    req.flush({
      id: GARDEN.organizationId,
      name: 'Garden State CE',
      kind: 'provider',
      myRole: 'member',
      createdAt: GARDEN.createdAt,
    });
    await stable();
    expect(status()).toBe('You joined Garden State CE as a member.');
    expect(headings()).toEqual([
      'NASW New Jersey Chapter invites you to join as an admin',
    ]);
    // The pressed button is gone: focus is kept on the page, at its heading.
    expect(document.activeElement?.textContent?.trim()).toBe('Invitations');
    // The account page reads my organisations from the session: it asks the API who I am now.
    const joined = {
      organizationId: GARDEN.organizationId,
      organizationName: 'Garden State CE',
      kind: 'provider',
      role: 'member',
    } as const;
    backend.expectOne({ method: 'GET', url: AUTH_PATHS.me }).flush({
      id: 'u1',
      email: 'sam@example.org',
      name: 'Sam Worker',
      memberships: [joined],
    });
    expect(TestBed.inject(AuthStore).user()?.memberships).toEqual([joined]);
  });

  it('declines, and says when an invitation is no longer open', async () => {
    await open();
    backend.expectOne('/api/me/invitations').flush([GARDEN, CHAPTER]);
    await stable();
    button('Decline the invitation to NASW New Jersey Chapter').click();
    await stable();
    backend
      .expectOne({
        method: 'POST',
        url: `/api/me/invitations/${CHAPTER.id}/decline`,
      })
      .flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(status()).toBe(
      'You declined the invitation to NASW New Jersey Chapter.',
    );

    button('Accept the invitation to Garden State CE').click();
    await stable();
    backend
      .expectOne(`/api/me/invitations/${GARDEN.id}/accept`)
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Invitation not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'The invitation to Garden State CE is no longer open',
    );
    expect(headings()).toEqual(['No invitations waiting']);
  });

  it('keeps the invitation and says why when the answer fails', async () => {
    await open();
    backend.expectOne('/api/me/invitations').flush([GARDEN]);
    await stable();
    button('Accept the invitation to Garden State CE').click();
    await stable();
    backend
      .expectOne(`/api/me/invitations/${GARDEN.id}/accept`)
      .flush(null, { status: 503, statusText: 'Unavailable' });
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Your answer to Garden State CE was not saved.',
    );
    expect(headings()).toEqual([
      'Garden State CE invites you to join as a member',
    ]);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    await open();
    backend
      .expectOne('/api/me/invitations')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await stable();
    expect(el.textContent).toContain('Your invitations could not be loaded.');
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Try again'))!
      .click();
    await stable();
    backend.expectOne('/api/me/invitations').flush([GARDEN]);
    await stable();
    expect(headings()).toEqual([
      'Garden State CE invites you to join as a member',
    ]);
  });

  it('puts the invitation from the email link first and drops the token from the address', async () => {
    await open('link-token');
    backend.expectOne('/api/me/invitations').flush([GARDEN, CHAPTER]);
    const lookup = backend.expectOne({
      method: 'POST',
      url: '/api/me/invitations/lookup',
    });
    expect(lookup.request.body).toEqual({ token: 'link-token' });
    lookup.flush(CHAPTER);
    await stable();
    expect(headings()[0]).toBe(
      'NASW New Jersey Chapter invites you to join as an admin',
    );
    expect(el.textContent).toContain('The invitation from your email');
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: {}, replaceUrl: true }),
    );
  });

  it('explains a link that is not for this account', async () => {
    await open('someone-elses');
    backend.expectOne('/api/me/invitations').flush([]);
    backend
      .expectOne('/api/me/invitations/lookup')
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Invitation not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await stable();
    expect(el.textContent).toContain(
      'The invitation in your link is no longer open for sam@example.org',
    );
    // A newer email's link replaces the older one: the page says so, and where to look.
    expect(el.textContent).toContain('only the newest link works');
  });
});
