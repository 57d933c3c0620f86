import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import type {
  MemberDto,
  MembershipDto,
  MembershipRole,
  OrganizationDto,
  PendingInvitationDto,
} from '@mezzo/shared-contracts';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { TEST_SESSION } from '@mezzo/web-core/testing';
import { of } from 'rxjs';
import type { ConfirmDialogData } from '../ui/confirm-dialog';
import { OrganizationPage } from './organization.page';

const ORG_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BASE = `/api/organizations/${ORG_ID}`;
const org = (myRole: MembershipRole): OrganizationDto => ({
  id: ORG_ID,
  name: 'NASW-NJ',
  kind: 'association',
  myRole,
  createdAt: '2026-01-01T00:00:00.000Z',
});
/** My membership of it, as the session lists it. */
const membership = (role: MembershipRole): MembershipDto => ({
  organizationId: ORG_ID,
  organizationName: 'NASW-NJ',
  kind: 'association',
  role,
});
const OTHER: MembershipDto = {
  organizationId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  organizationName: 'Garden State CE',
  kind: 'provider',
  role: 'member',
};
const person = (
  userId: string,
  name: string,
  role: MembershipRole,
): MemberDto => ({
  userId,
  name,
  email: `${name.split(' ')[0].toLowerCase()}@example.org`,
  role,
  joinedAt: '2026-01-02T00:00:00.000Z',
});
const ME = person('me', 'Amir Association', 'owner');
const OLU = person('u-olu', 'Olu Owner', 'owner');
const SAM = person('u-sam', 'Sam Worker', 'member');
const invitation = (
  id: string,
  email: string,
  role: MembershipRole,
): PendingInvitationDto => ({
  id,
  email,
  role,
  invitedByName: 'Amir Association',
  createdAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-03-15T10:00:00.000Z',
});
const PAT = invitation('i-pat', 'pat@example.org', 'member');
const BOSS = invitation('i-boss', 'boss@example.org', 'owner');

describe('OrganizationPage', () => {
  let fixture: ComponentFixture<OrganizationPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;
  let auth: AuthStore;
  /** The user GET /me answers after a change: me, with these memberships. */
  const meWith = (memberships: MembershipDto[]) => ({
    ...auth.user()!,
    memberships,
  });
  /** What the confirmation dialog answers next; every question asked is kept. */
  let answer: boolean;
  let asked: ConfirmDialogData[];
  const stable = () => fixture.whenStable();
  const text = (node: Element | null | undefined) =>
    node?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (label: string) => {
    const b =
      el.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`) ??
      Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
        (x) => text(x) === label,
      );
    if (!b) throw new Error(`No button ${label}`);
    return b;
  };
  const status = (section: string) =>
    text(el.querySelector(`${section} [role="status"][aria-live="polite"]`));
  const rows = () =>
    Array.from(
      el.querySelectorAll('.mz-members tbody tr:not(.mz-busy-row)'),
    ).map((tr) => ({
      person: Array.from(tr.querySelectorAll('th > span'))
        .map((span) => text(span))
        .join(' '),
      select:
        tr.querySelector('mat-select')?.getAttribute('aria-label') ?? null,
      role: text(tr.querySelector('.mz-role')),
      remove: !!tr.querySelector('.mz-row-actions button'),
    }));
  const invitationRows = () =>
    Array.from(el.querySelectorAll('.mz-invitation')).map((li) =>
      Array.from(
        li.querySelectorAll(
          '.mz-invitation-text > span, :scope > button, :scope > span',
        ),
      )
        .map((part) => text(part))
        .join(' '),
    );
  const emailInput = () =>
    el.querySelector<HTMLInputElement>('input[formcontrolname="email"]')!;
  const openSelect = async (select: HTMLElement) => {
    select.querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
    await stable();
    // The newest panel: a closed one may linger in the overlay container meanwhile.
    const panel = Array.from(
      document.querySelectorAll('.mat-mdc-select-panel'),
    ).at(-1);
    return Array.from(panel?.querySelectorAll<HTMLElement>('mat-option') ?? []);
  };

  async function open(
    myRole: MembershipRole,
    members: MemberDto[] = [ME, OLU, SAM],
    invitations: PendingInvitationDto[] = [PAT, BOSS],
  ) {
    auth.updateUser(meWith([membership(myRole), OTHER]));
    fixture = TestBed.createComponent(OrganizationPage);
    fixture.componentRef.setInput('id', ORG_ID);
    el = fixture.nativeElement;
    await stable();
    backend.expectOne(BASE).flush(org(myRole));
    await stable();
    if (myRole === 'member') return;
    backend
      .expectOne(`${BASE}/members?page=1&pageSize=25`)
      .flush({ items: members, total: members.length, page: 1, pageSize: 25 });
    backend.expectOne(`${BASE}/invitations`).flush(invitations);
    await stable();
  }

  beforeEach(() => {
    answer = true;
    asked = [];
    TestBed.configureTestingModule({
      imports: [OrganizationPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MatDialog,
          useValue: {
            open: (_c: unknown, config: { data: ConfirmDialogData }) => {
              asked.push(config.data);
              return { afterClosed: () => of(answer) };
            },
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setSession({
      ...TEST_SESSION,
      user: {
        ...TEST_SESSION.user,
        id: 'me',
        email: 'amir@example.org',
        name: 'Amir Association',
      },
    });
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('shows a plain member the organisation and their role, without asking for members or invitations', async () => {
    await open('member');
    expect(text(el.querySelector('h1'))).toBe('NASW-NJ');
    expect(el.textContent).toContain('Association · Your role: Member');
    expect(el.textContent).toContain(
      'Only the owners and admins of NASW-NJ see who belongs to it',
    );
    expect(el.querySelector('mz-org-members, mz-org-invitations')).toBeNull();
    expect(el.querySelector('form')).toBeNull();
  });

  it('says an organisation I do not belong to is not there, without offering to try again', async () => {
    fixture = TestBed.createComponent(OrganizationPage);
    fixture.componentRef.setInput('id', ORG_ID);
    el = fixture.nativeElement;
    await stable();
    expect(
      el.querySelector(
        'mat-progress-bar[aria-label="Loading the organisation"]',
      ),
    ).not.toBeNull();
    backend.expectOne(BASE).flush(
      {
        statusCode: 404,
        code: 'not_found',
        message: 'Organisation not found',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await stable();
    expect(text(el.querySelector('[role="alert"]'))).toContain(
      'This organisation could not be loaded. It may have been deleted',
    );
    expect(el.textContent).not.toContain('Try again');
  });

  it('lets an owner change every role, including owners, and remove everyone but themselves', async () => {
    await open('owner');
    expect(rows()).toEqual([
      {
        person: 'Amir Association (you) amir@example.org',
        select: 'Role of Amir Association',
        role: 'Owner',
        remove: false,
      },
      {
        person: 'Olu Owner olu@example.org',
        select: 'Role of Olu Owner',
        role: 'Owner',
        remove: true,
      },
      {
        person: 'Sam Worker sam@example.org',
        select: 'Role of Sam Worker',
        role: 'Member',
        remove: true,
      },
    ]);
    const options = await openSelect(
      el.querySelector<HTMLElement>(
        'mat-select[aria-label="Role of Sam Worker"]',
      )!,
    );
    expect(options.map((o) => text(o))).toEqual(['Owner', 'Admin', 'Member']);
    expect(invitationRows()).toEqual([
      'pat@example.org Member · Invited by Amir Association · Expires Mar 15, 2026 Withdraw',
      'boss@example.org Owner · Invited by Amir Association · Expires Mar 15, 2026 Withdraw',
    ]);
  });

  it('keeps an admin away from owners: no owner role to give, no owner to change, remove or uninvite', async () => {
    await open('admin', [OLU, { ...ME, role: 'admin' }, SAM]);
    expect(rows().map((r) => [r.person, r.select, r.remove])).toEqual([
      ['Olu Owner olu@example.org', null, false],
      [
        'Amir Association (you) amir@example.org',
        'Role of Amir Association',
        false,
      ],
      ['Sam Worker sam@example.org', 'Role of Sam Worker', true],
    ]);
    expect(invitationRows()[1]).toContain('Only an owner can withdraw it.');
    expect(
      el.querySelector(
        'button[aria-label="Withdraw the invitation to boss@example.org"]',
      ),
    ).toBeNull();
    const options = await openSelect(
      el.querySelector<HTMLElement>('mat-select[formcontrolname="role"]')!,
    );
    expect(options.map((o) => text(o))).toEqual(['Admin', 'Member']);
  });

  it('invites by email and role, says so, and lists the invitation', async () => {
    await open('owner', [ME], []);
    expect(el.textContent).toContain('No open invitations.');
    emailInput().value = ' new.person@example.org ';
    emailInput().dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    button('Send invitation').click();
    await stable();
    const req = backend.expectOne({
      method: 'POST',
      url: `${BASE}/invitations`,
    });
    expect(req.request.body).toEqual({
      email: 'new.person@example.org',
      role: 'member',
    });
    req.flush(
      {
        email: 'new.person@example.org',
        role: 'member',
        expiresAt: '2026-03-15T10:00:00.000Z',
      },
      { status: 202, statusText: 'Accepted' },
    );
    await stable();
    expect(status('mz-org-invitations')).toBe(
      'Invitation sent to new.person@example.org to join as member. It expires on Mar 15, 2026.',
    );
    backend
      .expectOne(`${BASE}/invitations`)
      .flush([invitation('i-new', 'new.person@example.org', 'member')]);
    await stable();
    expect(invitationRows()[0]).toContain('new.person@example.org');
    expect(emailInput().value).toBe('');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('checks the email before sending', async () => {
    await open('owner', [ME], []);
    emailInput().value = 'not an email';
    emailInput().dispatchEvent(new Event('input'));
    button('Send invitation').click();
    await stable();
    expect(text(el.querySelector('mat-error'))).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(document.activeElement).toBe(emailInput());
    backend.expectNone({ method: 'POST' });
  });

  it("shows the API's refusal of the address next to the email field", async () => {
    await open('owner', [ME, SAM], []);
    emailInput().value = 'sam@example.org';
    emailInput().dispatchEvent(new Event('input'));
    button('Send invitation').click();
    await stable();
    backend.expectOne({ method: 'POST', url: `${BASE}/invitations` }).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'This person is already a member',
        fields: { email: ['is already a member'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(text(el.querySelector('mat-error'))).toBe(
      'This person is already a member.',
    );
    expect(emailInput().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(emailInput());
    expect(text(el.querySelector('mz-org-invitations [role="alert"]'))).toBe(
      'The invitation was not sent. This person is already a member.',
    );
  });

  it('puts validation messages from the API under their fields', async () => {
    await open('owner', [ME], []);
    emailInput().value = 'odd@example.org';
    emailInput().dispatchEvent(new Event('input'));
    button('Send invitation').click();
    await stable();
    backend.expectOne({ method: 'POST', url: `${BASE}/invitations` }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some fields are invalid',
        fields: { email: ['email must be a valid email address'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(text(el.querySelector('mat-error'))).toBe(
      'email must be a valid email address',
    );
  });

  it('withdraws an invitation after asking, and says so', async () => {
    await open('owner');
    button('Withdraw the invitation to pat@example.org').click();
    await stable();
    expect(asked[0].title).toBe('Withdraw the invitation to pat@example.org?');
    const req = backend.expectOne({
      method: 'DELETE',
      url: `${BASE}/invitations/i-pat`,
    });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(invitationRows()).toHaveLength(1);
    expect(invitationRows()[0]).toContain('boss@example.org');
    expect(status('mz-org-invitations')).toBe(
      'The invitation to pat@example.org was withdrawn.',
    );
    expect(text(document.activeElement)).toBe('Open invitations');
  });

  it('withdraws nothing when the question is answered no', async () => {
    await open('owner');
    answer = false;
    button('Withdraw the invitation to pat@example.org').click();
    await stable();
    expect(asked).toHaveLength(1);
    backend.expectNone({ method: 'DELETE' });
    expect(invitationRows()).toHaveLength(2);
  });

  it('removes a member after asking', async () => {
    await open('owner');
    button('Remove Sam Worker').click();
    await stable();
    expect(asked[0]).toMatchObject({
      title: 'Remove Sam Worker from NASW-NJ?',
      confirm: 'Remove',
      cancel: 'Keep them',
    });
    backend
      .expectOne({ method: 'DELETE', url: `${BASE}/members/u-sam` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(rows().map((r) => r.person)).not.toContain(
      'Sam Worker sam@example.org',
    );
    expect(status('mz-org-members')).toBe(
      'Sam Worker was removed from NASW-NJ.',
    );
  });

  it('changes a role after asking, and puts it back when the API refuses', async () => {
    await open('owner');
    const select = () =>
      el.querySelector<HTMLElement>(
        'mat-select[aria-label="Role of Sam Worker"]',
      )!;
    let options = await openSelect(select());
    options.find((o) => text(o) === 'Admin')!.click();
    await stable();
    expect(asked[0].title).toBe('Make Sam Worker an admin?');
    const req = backend.expectOne({
      method: 'PATCH',
      url: `${BASE}/members/u-sam`,
    });
    expect(req.request.body).toEqual({ role: 'admin' });
    req.flush({ ...SAM, role: 'admin' });
    await stable();
    expect(status('mz-org-members')).toBe(
      'Sam Worker is now an admin of NASW-NJ.',
    );
    expect(text(select().querySelector('.mat-mdc-select-value'))).toBe('Admin');

    options = await openSelect(
      el.querySelector<HTMLElement>(
        'mat-select[aria-label="Role of Olu Owner"]',
      )!,
    );
    options.find((o) => text(o) === 'Member')!.click();
    await stable();
    backend.expectOne({ method: 'PATCH', url: `${BASE}/members/u-olu` }).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message:
          'An organisation needs at least one owner; make someone else owner first',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(text(el.querySelector('mz-org-members [role="alert"]'))).toBe(
      'The role of Olu Owner was not changed. An organisation needs at least one owner; make someone else owner first.',
    );
    expect(
      text(
        el.querySelector(
          'mat-select[aria-label="Role of Olu Owner"] .mat-mdc-select-value',
        ),
      ),
    ).toBe('Owner');
  });

  it('lets me leave, and tells the last owner why not; the session then no longer lists it', async () => {
    await open('member');
    button('Leave this organisation').click();
    await stable();
    expect(asked[0].title).toBe('Leave NASW-NJ?');
    backend.expectOne({ method: 'DELETE', url: `${BASE}/members/me` }).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message:
          'An organisation needs at least one owner; make someone else owner first',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(text(el.querySelector('[role="alert"]'))).toBe(
      'You did not leave NASW-NJ. An organisation needs at least one owner; make someone else owner first.',
    );
    expect(navigateByUrl).not.toHaveBeenCalled();
    backend.expectNone(AUTH_PATHS.me);
    expect(auth.user()?.memberships).toEqual([membership('member'), OTHER]);

    button('Leave this organisation').click();
    await stable();
    backend
      .expectOne({ method: 'DELETE', url: `${BASE}/members/me` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(navigateByUrl).toHaveBeenCalledWith('/organizations');
    // The account page reads my organisations from the session: it asks the API who I am now.
    backend
      .expectOne({ method: 'GET', url: AUTH_PATHS.me })
      .flush(meWith([OTHER]));
    expect(auth.user()?.memberships).toEqual([OTHER]);
  });

  it('after I change my own role, shows what I may do now and the session has my new role', async () => {
    await open('owner');
    const options = await openSelect(
      el.querySelector<HTMLElement>(
        'mat-select[aria-label="Role of Amir Association"]',
      )!,
    );
    options.find((o) => text(o) === 'Member')!.click();
    await stable();
    expect(asked[0].title).toBe('Make yourself a member?');
    backend
      .expectOne({ method: 'PATCH', url: `${BASE}/members/me` })
      .flush({ ...ME, role: 'member' });
    await stable();
    backend.expectOne(BASE).flush(org('member'));
    backend
      .expectOne({ method: 'GET', url: AUTH_PATHS.me })
      .flush(meWith([membership('member'), OTHER]));
    await stable();
    expect(el.textContent).toContain('Association · Your role: Member');
    expect(el.querySelector('mz-org-members')).toBeNull();
    expect(auth.user()?.memberships).toEqual([membership('member'), OTHER]);
  });
});
