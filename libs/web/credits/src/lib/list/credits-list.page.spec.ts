import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { CreditDto } from '@mezzo/shared-contracts';
import { CreditsListPage } from './credits-list.page';

function credit(id: string, certificateCount: number): CreditDto {
  return {
    id,
    title: `Course ${id}`,
    provider: null,
    completedOn: '2026-10-01',
    hours: 2,
    format: 'live-online',
    topics: [],
    practice: { clinical: 2, macro: 0, general: 0 },
    macroAreas: [],
    approvals: [],
    version: 1,
    deletedAt: null,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    certificateCount,
  };
}

describe('CreditsListPage', () => {
  let fixture: ComponentFixture<CreditsListPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CreditsListPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreditsListPage);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  const el = () => fixture.nativeElement as HTMLElement;
  const settle = async (ms = 0) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await fixture.whenStable();
  };
  const page = (items: CreditDto[]) => ({
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
  });
  const snackBar = () =>
    document.querySelector<HTMLElement>('.mat-mdc-snack-bar-container');

  it('puts the keyboard on Undo after a delete, and announces the delete politely', async () => {
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush(page([credit('a', 0), credit('b', 1)]));
    await fixture.whenStable();
    const del = Array.from(
      el().querySelectorAll<HTMLButtonElement>('button'),
    ).find((b) => b.textContent?.trim() === 'Delete Course a');
    del?.focus();
    del?.click();
    await fixture.whenStable();
    backend
      .expectOne({ method: 'DELETE', url: '/api/credits/a' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush(page([credit('b', 1)]));
    // The snack bar moves its message into its live region after a short delay.
    await settle(200);

    const undo = snackBar()?.querySelector('button');
    expect(undo?.textContent?.trim()).toBe('Undo');
    expect(document.activeElement).toBe(undo);
    const live = snackBar()?.querySelector('[aria-live]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.textContent).toContain('Deleted “Course a”.');

    undo?.click();
    await settle();
    backend
      .expectOne({ method: 'POST', url: '/api/credits/a/restore' })
      .flush(credit('a', 0));
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush(page([credit('a', 0), credit('b', 1)]));
    await settle(50);
    expect(document.activeElement).toBe(el().querySelector('h1'));
  });

  it('says which credits have no certificate for an auditor', async () => {
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush({
        items: [credit('a', 0), credit('b', 1), credit('c', 3)],
        total: 3,
        page: 1,
        pageSize: 20,
      });
    await fixture.whenStable();
    const cells = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('.mz-cert'),
    ).map((e) => [
      e.textContent?.trim(),
      e.classList.contains('mz-cert--none'),
    ]);
    expect(cells).toEqual([
      ['No certificate', true],
      ['1 certificate', false],
      ['3 certificates', false],
    ]);
  });

  it('goes back to the last page with credits when the page shown has none left', async () => {
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush(page([credit('a', 0)]));
    await fixture.whenStable();
    // The licensee was on page 2 of 35 and deleted its last ten: 25 credits, all on page 1.
    const onPage2 = fixture.componentInstance as unknown as {
      onPage(e: { pageIndex: number; pageSize: number }): void;
    };
    onPage2.onPage({ pageIndex: 1, pageSize: 25 });
    await fixture.whenStable();
    backend
      .expectOne(
        (r) => r.url === '/api/credits' && r.params.get('page') === '2',
      )
      .flush({ items: [], total: 25, page: 2, pageSize: 25 });
    await settle();
    expect(el().textContent).not.toContain('No credits yet');
    const first = backend.expectOne(
      (r) => r.url === '/api/credits' && r.params.get('page') === '1',
    );
    first.flush({
      items: [credit('b', 0)],
      total: 25,
      page: 1,
      pageSize: 25,
    });
    await settle();
    expect(el().textContent).toContain('Course b');
    expect(el().textContent).not.toContain('No credits yet');
  });

  it('reads page 1 again, once, when it comes back empty with a positive count', async () => {
    // The rows and their count are read apart: a delete in between can give page 1 no rows.
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush({ items: [], total: 3, page: 1, pageSize: 25 });
    await settle();
    expect(el().textContent).not.toContain('No credits yet');
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush(page([credit('a', 0)]));
    await settle();
    expect(el().textContent).toContain('Course a');
  });

  it('does not read again and again when page 1 stays empty with a positive count', async () => {
    for (let i = 0; i < 2; i++) {
      backend
        .expectOne((r) => r.url === '/api/credits')
        .flush({ items: [], total: 3, page: 1, pageSize: 25 });
      await settle();
    }
    backend.expectNone((r) => r.url === '/api/credits');
    expect(el().textContent).toContain('No credits yet');
  });

  it('shows the first-use state only when there are no credits at all', async () => {
    backend
      .expectOne((r) => r.url === '/api/credits')
      .flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await fixture.whenStable();
    expect(el().textContent).toContain('No credits yet');
  });
});
