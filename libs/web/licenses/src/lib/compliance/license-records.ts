import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { HttpResponse } from '@angular/common/http';
import {
  apiError,
  blobText,
  errorMessage,
  saveResponse,
} from '@mezzo/web-core';
import { Alert, FilePicker } from '@mezzo/web-ui';
import { type Observable, finalize } from 'rxjs';
import { LicensesApi } from '../data/licenses.api';

type Busy = 'pdf' | 'zip' | 'json' | 'import' | null;

/** Largest transcript file read in the browser (the API caps request bodies too). */
const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/**
 * A license's records: the audit packet of the current cycle (a PDF transcript, or a ZIP holding
 * it and every certificate), and the transcript JSON to export or import (docs/TRANSCRIPT.md).
 */
@Component({
  selector: 'mz-license-records',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, Alert, FilePicker],
  template: `
    <h2 id="mz-records-heading">Audit packet and records</h2>
    <p class="mz-muted" id="mz-records-hint">
      If the board audits this cycle, send the audit packet: a PDF transcript of
      every credit with its provider, approval, hours, the requirement it served
      and its certificate's SHA-256 fingerprint. The ZIP adds the certificates
      themselves.
    </p>
    <div class="mz-records__actions">
      <button
        mat-flat-button
        type="button"
        (click)="download('pdf')"
        [disabled]="busy() !== null"
        [disabledInteractive]="true"
      >
        {{
          busy() === 'pdf'
            ? 'Preparing the PDF…'
            : 'Download audit packet (PDF)'
        }}
      </button>
      <button
        mat-stroked-button
        type="button"
        (click)="download('zip')"
        [disabled]="busy() !== null"
        [disabledInteractive]="true"
      >
        {{
          busy() === 'zip'
            ? 'Preparing the ZIP…'
            : 'Download with certificates (ZIP)'
        }}
      </button>
    </div>
    <h3 class="mz-records__sub">Transcript JSON</h3>
    <p class="mz-muted" id="mz-transcript-hint">
      Move your record between tools: export this license with your credits, or
      import credits from a transcript file. Importing the same file twice adds
      nothing.
    </p>
    <div class="mz-records__actions">
      <button
        mat-stroked-button
        type="button"
        (click)="download('json')"
        [disabled]="busy() !== null"
        [disabledInteractive]="true"
      >
        {{ busy() === 'json' ? 'Exporting…' : 'Export transcript' }}
      </button>
      <mz-file-picker
        label="Import a transcript"
        accept=".json,application/json"
        describedBy="mz-transcript-hint"
        [disabled]="busy() !== null"
        (picked)="importFile($event)"
      />
    </div>
    @if (busy() !== null) {
      <mat-progress-bar
        mode="indeterminate"
        aria-label="Working on your records"
      />
    }
    @if (imported(); as message) {
      <mz-alert kind="success">{{ message }}</mz-alert>
    }
    @if (error(); as message) {
      <mz-alert>
        <p class="mz-records__error">{{ message }}</p>
        @if (problems().length > 0) {
          <ul class="mz-records__problems">
            @for (p of problems(); track p) {
              <li>{{ p }}</li>
            }
          </ul>
        }
      </mz-alert>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .mz-muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .mz-records__sub {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .mz-records__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .mz-records__actions button {
      min-height: 44px;
    }
    .mz-records__error {
      margin: 0;
    }
    .mz-records__problems {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
})
export class LicenseRecords {
  private readonly api = inject(LicensesApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly licenseId = input.required<string>();
  /** "NJ LCSW": names the files when the server gives no name. */
  readonly name = input.required<string>();
  /** Credits were added: the page's figures are out of date. */
  readonly changed = output<void>();

  protected readonly busy = signal<Busy>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly problems = signal<string[]>([]);
  protected readonly imported = signal<string | null>(null);

  protected download(kind: 'pdf' | 'zip' | 'json'): void {
    if (this.busy()) return;
    const id = this.licenseId();
    const request$: Observable<HttpResponse<Blob>> =
      kind === 'json'
        ? this.api.exportTranscript(id)
        : this.api.auditPacket(id, kind);
    const slug = this.name().replace(/\W+/g, '-');
    const fallback =
      kind === 'json'
        ? `mezzo-transcript-${slug}.json`
        : `mezzo-audit-packet-${slug}.${kind}`;
    this.start(kind);
    request$
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (res) => saveResponse(res, fallback),
        error: (err: unknown) =>
          this.error.set(`The file did not download. ${errorMessage(err)}`),
      });
  }

  protected importFile(file: File): void {
    if (this.busy()) return;
    this.start('import');
    if (file.size > MAX_TRANSCRIPT_BYTES) {
      this.busy.set(null);
      this.error.set(
        `“${file.name}” is larger than 5 MB; a transcript is far smaller.`,
      );
      return;
    }
    blobText(file)
      .then((text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          this.busy.set(null);
          this.error.set(
            `“${file.name}” is not JSON. Choose a Mezzo transcript file.`,
          );
          return;
        }
        this.send(file.name, body);
      })
      .catch(() => {
        this.busy.set(null);
        this.error.set(`“${file.name}” could not be read.`);
      });
  }

  private send(fileName: string, body: unknown): void {
    this.api
      .importTranscript(this.licenseId(), body)
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ created, skipped }) => {
          const added =
            created === 1 ? '1 credit added' : `${created} credits added`;
          const already =
            skipped > 0
              ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} already in your log`
              : '';
          this.imported.set(`From ${fileName}: ${added}${already}.`);
          if (created > 0) this.changed.emit();
        },
        error: (err: unknown) => {
          const body = apiError(err);
          this.error.set(
            `Nothing was imported from ${fileName}. ${errorMessage(err)}`,
          );
          this.problems.set(
            Object.entries(body?.fields ?? {})
              .slice(0, 8)
              .map(([path, messages]) => `${path}: ${messages.join(' ')}`),
          );
        },
      });
  }

  private start(kind: Busy): void {
    this.busy.set(kind);
    this.error.set(null);
    this.problems.set([]);
    this.imported.set(null);
  }
}
