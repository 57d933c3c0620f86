import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom, throwError } from 'rxjs';
import { fileNameFrom, readBlobErrors } from './download';

describe('downloads', () => {
  it('takes the file name from Content-Disposition, never a path', () => {
    expect(fileNameFrom('attachment; filename="audit.pdf"', 'x')).toBe(
      'audit.pdf',
    );
    expect(fileNameFrom('attachment; filename=plain.zip', 'x')).toBe(
      'plain.zip',
    );
    expect(
      fileNameFrom(
        `attachment; filename="a.pdf"; filename*=UTF-8''Ethics%20%E2%80%9Cfinal%E2%80%9D.pdf`,
        'x',
      ),
    ).toBe('Ethics “final”.pdf');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe(
      'passwd',
    );
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment', 'fallback.json')).toBe('fallback.json');
  });

  it('reads an error body that arrived as a Blob back into the API’s shape', async () => {
    const body = { statusCode: 410, code: 'not_found', message: 'Gone' };
    const err = new HttpErrorResponse({
      status: 410,
      error: new Blob([JSON.stringify(body)], { type: 'application/json' }),
    });
    const caught = await firstValueFrom(
      readBlobErrors(throwError(() => err)),
    ).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(HttpErrorResponse);
    expect((caught as HttpErrorResponse).error).toEqual(body);
    expect((caught as HttpErrorResponse).status).toBe(410);
  });
});
