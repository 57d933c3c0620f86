import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { type Observable, catchError, from, switchMap, throwError } from 'rxjs';

/** Hands a downloaded blob to the browser as a file. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The file name a `Content-Disposition: attachment` header gives, or `fallback`. Accepts the
 * RFC 6266 `filename*=UTF-8''…` form and the plain quoted one; never returns a path.
 */
export function fileNameFrom(
  contentDisposition: string | null,
  fallback: string,
): string {
  if (!contentDisposition) return fallback;
  let name: string | null = null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(
    contentDisposition,
  );
  if (star) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(contentDisposition);
    name = plain ? (plain[2] ?? plain[1]).trim() : null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/** Saves a blob response under the server's file name (or `fallback`). */
export function saveResponse(
  response: HttpResponse<Blob>,
  fallback: string,
): void {
  if (!response.body) return;
  saveBlob(
    response.body,
    fileNameFrom(response.headers.get('Content-Disposition'), fallback),
  );
}

/**
 * With `responseType: 'blob'`, an error's JSON body arrives as a Blob too, which would hide the API's
 * error code from `errorMessage()`. This reads it back into the usual shape.
 */
export function readBlobErrors<T>(source: Observable<T>): Observable<T> {
  return source.pipe(
    catchError((err: unknown) => {
      if (
        err instanceof HttpErrorResponse &&
        err.error instanceof Blob &&
        /json/.test(err.error.type)
      ) {
        return from(blobText(err.error)).pipe(
          switchMap((text) => {
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON after all: keep the text
            }
            return throwError(
              () =>
                new HttpErrorResponse({
                  error: body,
                  headers: err.headers,
                  status: err.status,
                  statusText: err.statusText,
                  url: err.url ?? undefined,
                }),
            );
          }),
        );
      }
      return throwError(() => err);
    }),
  );
}

/** A blob's text; FileReader where `Blob#text` is missing (older engines, jsdom). */
export function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
