import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { LicenseRecords } from './license-records';

describe('LicenseRecords', () => {
  let fixture: ComponentFixture<LicenseRecords>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let changed: jest.Mock;
  const saved: { href: string; download: string }[] = [];
  const stable = () => fixture.whenStable();
  const button = (name: string) => {
    const b = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (x) => x.textContent?.trim() === name,
    );
    if (!b) throw new Error(`No button ${name}`);
    return b;
  };
  const pick = async (file: File) => {
    const input = el.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', {
      value: [file],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await stable();
  };
  /**
   * The file is read asynchronously before anything is sent (longer on a loaded machine): waits up
   * to 5 s for the import request, or for `text` on the page when nothing is to be sent.
   */
  const sent = async (url: string) => {
    for (let waited = 0; waited < 5000; waited += 10) {
      const found = backend.match({ method: 'POST', url });
      if (found.length) {
        expect(found).toHaveLength(1);
        return found[0];
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`No POST ${url} within 5 s`);
  };
  const shown = async (text: string) => {
    for (let waited = 0; waited < 5000; waited += 10) {
      await stable();
      if (el.textContent?.includes(text)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`"${text}" not shown within 5 s`);
  };

  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:mezzo');
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ href: this.href, download: this.download });
      });
  });

  beforeEach(async () => {
    saved.length = 0;
    TestBed.configureTestingModule({
      imports: [LicenseRecords],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LicenseRecords);
    fixture.componentRef.setInput('licenseId', 'l1');
    fixture.componentRef.setInput('name', 'NJ LCSW');
    changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    el = fixture.nativeElement;
    await stable();
  });

  afterEach(() => backend.verify());

  it('downloads the audit packet under the server’s file name', async () => {
    button('Download audit packet (PDF)').click();
    await stable();
    expect(button('Preparing the PDF…').getAttribute('aria-disabled')).toBe(
      'true',
    );
    backend
      .expectOne('/api/licenses/l1/audit-packet.pdf')
      .flush(new Blob(['%PDF'], { type: 'application/pdf' }), {
        headers: {
          'Content-Disposition':
            'attachment; filename="mezzo-audit-NJ-LCSW-2026.pdf"',
        },
      });
    await stable();
    expect(saved).toEqual([
      { href: 'blob:mezzo', download: 'mezzo-audit-NJ-LCSW-2026.pdf' },
    ]);
    expect(button('Download audit packet (PDF)')).toBeTruthy();
  });

  it('says why a download failed, from the error the server sent', async () => {
    button('Download with certificates (ZIP)').click();
    await stable();
    backend.expectOne('/api/licenses/l1/audit-packet.zip').flush(
      new Blob(
        [
          JSON.stringify({
            statusCode: 404,
            code: 'not_found',
            message: 'x',
          }),
        ],
        { type: 'application/json' },
      ),
      { status: 404, statusText: 'Not Found' },
    );
    // The error body is read from the blob asynchronously.
    await shown('The file did not download.');
    expect(el.querySelector('mz-alert')?.textContent).toContain(
      'The file did not download.',
    );
    expect(saved).toEqual([]);
  });

  it('imports a transcript file and reports what was added', async () => {
    const transcript = { jurisdiction: 'NJ', licenseType: 'LCSW', credits: [] };
    await pick(
      new File([JSON.stringify(transcript)], 't.json', {
        type: 'application/json',
      }),
    );
    const req = await sent('/api/licenses/l1/transcript');
    expect(req.request.body).toEqual(transcript);
    req.flush({ created: 2, skipped: 1 });
    await stable();
    expect(el.textContent).toContain(
      'From t.json: 2 credits added; 1 was already in your log.',
    );
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('refuses a file that is not JSON, and lists the fields a bad transcript gets wrong', async () => {
    await pick(new File(['not json'], 'notes.json'));
    await shown('“notes.json” is not JSON.');
    backend.expectNone('/api/licenses/l1/transcript');

    await pick(new File(['{"credits":[{"hours":-1}]}'], 'bad.json'));
    (await sent('/api/licenses/l1/transcript')).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        fields: { 'credits[0].hours': ['must be more than 0'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(el.textContent).toContain('Nothing was imported from bad.json.');
    expect(el.textContent).toContain('credits[0].hours: must be more than 0');
    expect(changed).not.toHaveBeenCalled();
  });
});
