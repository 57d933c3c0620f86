import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
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
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreditsListPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

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
});
