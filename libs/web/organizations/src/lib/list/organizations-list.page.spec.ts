import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { OrganizationDto } from '@mezzo/shared-contracts';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { TEST_SESSION } from '@mezzo/web-core/testing';
import { OrganizationsListPage } from './organizations-list.page';

const CHAPTER: OrganizationDto = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  name: 'NASW New Jersey Chapter',
  kind: 'association',
  myRole: 'owner',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const GARDEN: OrganizationDto = {
  ...CHAPTER,
  id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  name: 'Garden State CE',
  kind: 'provider',
  myRole: 'member',
};

describe('OrganizationsListPage', () => {
  let fixture: ComponentFixture<OrganizationsListPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  let auth: AuthStore;
  const stable = () => fixture.whenStable();
  const input = (name: string) =>
    el.querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`);
  const errors = () =>
    Array.from(el.querySelectorAll('mat-error')).map((e) =>
      e.textContent?.trim(),
    );
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await stable();
  };
  const chooseKind = async (label: string) => {
    el.querySelector<HTMLElement>(
      'mat-select[formcontrolname="kind"]',
    )?.click();
    await stable();
    const option = Array.from(
      document.querySelectorAll<HTMLElement>('mat-option'),
    ).find((o) => o.textContent?.trim() === label);
    option?.click();
    await stable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [OrganizationsListPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setSession(TEST_SESSION);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(OrganizationsListPage);
    el = fixture.nativeElement;
    await stable();
  });

  afterEach(() => backend.verify());

  it('shows loading, then my organisations with my role in each, linked to their pages', async () => {
    expect(
      el.querySelector(
        'mat-progress-bar[aria-label="Loading your organisations"]',
      ),
    ).not.toBeNull();
    backend.expectOne('/api/organizations').flush([CHAPTER, GARDEN]);
    await stable();
    const items = Array.from(el.querySelectorAll('.mz-org')).map((li) =>
      Array.from(li.children).map((c) =>
        c.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );
    expect(items).toEqual([
      ['NASW New Jersey Chapter', 'Association · Your role: Owner'],
      ['Garden State CE', 'CE provider · Your role: Member'],
    ]);
    expect(el.querySelector('a.mz-org-name')?.getAttribute('href')).toBe(
      `/organizations/${CHAPTER.id}`,
    );
  });

  it('says so when I belong to none', async () => {
    backend.expectOne('/api/organizations').flush([]);
    await stable();
    expect(el.textContent).toContain(
      'You do not belong to any organisation yet.',
    );
    expect(el.querySelector('.mz-org')).toBeNull();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    backend
      .expectOne('/api/organizations')
      .flush(null, { status: 503, statusText: 'Unavailable' });
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Your organisations could not be loaded.',
    );
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Try again')
      ?.click();
    backend.expectOne('/api/organizations').flush([CHAPTER]);
    await stable();
    expect(el.textContent).toContain('NASW New Jersey Chapter');
  });

  it('checks the form before sending: a name and a kind are needed', async () => {
    backend.expectOne('/api/organizations').flush([]);
    await stable();
    input('name')!.value = '   ';
    input('name')!.dispatchEvent(new Event('input'));
    await submit();
    expect(errors()).toEqual([
      'Enter the organisation’s name.',
      'Choose what kind of organisation it is.',
    ]);
    expect(document.activeElement).toBe(input('name'));
    backend.expectNone({ method: 'POST' });
  });

  it('creates the organisation, opens its page, and the session lists it', async () => {
    backend.expectOne('/api/organizations').flush([]);
    await stable();
    input('name')!.value = '  South Jersey Clinicians  ';
    input('name')!.dispatchEvent(new Event('input'));
    await chooseKind('Association');
    await submit();
    expect(el.querySelector('button[type="submit"]')?.textContent).toContain(
      'Creating…',
    );
    const req = backend.expectOne({
      method: 'POST',
      url: '/api/organizations',
    });
    expect(req.request.body).toEqual({
      name: 'South Jersey Clinicians',
      kind: 'association',
    });
    req.flush({ ...CHAPTER, id: 'new-id', name: 'South Jersey Clinicians' });
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/organizations', 'new-id']);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);

    // The account page reads my organisations from the session: it asks the API who I am now.
    const created = {
      organizationId: 'new-id',
      organizationName: 'South Jersey Clinicians',
      kind: 'association',
      role: 'owner',
    } as const;
    backend
      .expectOne({ method: 'GET', url: AUTH_PATHS.me })
      .flush({ ...TEST_SESSION.user, memberships: [created] });
    expect(auth.user()?.memberships).toEqual([created]);
  });

  it("shows the API's field errors next to their fields", async () => {
    backend.expectOne('/api/organizations').flush([]);
    await stable();
    input('name')!.value = 'x';
    input('name')!.dispatchEvent(new Event('input'));
    await chooseKind('CE provider');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    await submit();
    backend.expectOne({ method: 'POST', url: '/api/organizations' }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Some fields are invalid',
        fields: {
          name: ['name must be shorter than or equal to 200 characters'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(errors()).toEqual([
      'name must be shorter than or equal to 200 characters',
    ]);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'The organisation was not created. Some fields need your attention.',
    );
    expect(document.activeElement).toBe(input('name'));
    expect(navigate).not.toHaveBeenCalled();
    backend.expectNone(AUTH_PATHS.me);
  });
});
