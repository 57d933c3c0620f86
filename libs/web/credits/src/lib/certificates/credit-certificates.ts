import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CertificateDto } from '@mezzo/shared-contracts';
import { errorMessage, saveResponse } from '@mezzo/web-core';
import { LoadError, dateText, remote } from '@mezzo/web-licenses';
import { Alert, FilePicker } from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { CertificatesApi } from '../data/certificates.api';
import {
  CERTIFICATE_ACCEPT,
  certificateFileProblem,
  megabytes,
} from './certificate-file';

/**
 * The certificates attached to a saved credit: each one to download (checked against its SHA-256
 * by the server) or remove, and a picker to attach another, with upload progress.
 */
@Component({
  selector: 'mz-credit-certificates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    Alert,
    FilePicker,
    LoadError,
  ],
  template: `
    <section class="mz-certs" aria-labelledby="mz-certs-heading">
      <h2 id="mz-certs-heading" class="mz-certs__heading">Certificates</h2>
      <p class="mz-hint" id="mz-certs-hint">
        PDF, PNG or JPEG, up to 10 MB. Kept with a SHA-256 fingerprint for your
        audit packet.
      </p>
      @if (certificates.error()) {
        <mz-load-error
          what="The certificates could not be loaded."
          [error]="certificates.error()"
          (retry)="certificates.reload()"
        />
      } @else if (certificates.isLoading() && !certificates.value()) {
        <mat-progress-bar
          mode="indeterminate"
          aria-label="Loading the certificates"
        />
      } @else {
        @let list = certificates.value() ?? [];
        @if (list.length === 0) {
          <p class="mz-certs__empty">No certificate attached yet.</p>
        } @else {
          <ul class="mz-certs__list">
            @for (c of list; track c.id) {
              <li class="mz-certs__item">
                <span class="mz-certs__name">{{ c.fileName }}</span>
                <span class="mz-certs__meta"
                  >{{ size(c.sizeBytes) }} · added
                  {{ dateText(c.createdAt.slice(0, 10)) }} ·
                  <abbr title="SHA-256 {{ c.sha256 }}"
                    >SHA-256 {{ c.sha256.slice(0, 12) }}…</abbr
                  ></span
                >
                <span class="mz-certs__actions">
                  @if (confirmingId() === c.id) {
                    <button
                      mat-flat-button
                      type="button"
                      class="mz-danger"
                      (click)="remove(c)"
                      [disabled]="busyId() === c.id"
                    >
                      Remove for good<span class="cdk-visually-hidden">
                        {{ c.fileName }}</span
                      >
                    </button>
                    <button
                      mat-button
                      type="button"
                      (click)="confirmingId.set(null)"
                    >
                      Keep it
                    </button>
                  } @else {
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="download(c)"
                      [disabled]="busyId() === c.id"
                    >
                      Download<span class="cdk-visually-hidden">
                        {{ c.fileName }}</span
                      >
                    </button>
                    <button
                      mat-button
                      type="button"
                      (click)="confirmingId.set(c.id)"
                    >
                      Remove<span class="cdk-visually-hidden">
                        {{ c.fileName }}</span
                      >
                    </button>
                  }
                </span>
              </li>
            }
          </ul>
        }
      }
      @if (error(); as message) {
        <mz-alert>{{ message }}</mz-alert>
      }
      @if (uploading(); as u) {
        <p class="mz-hint" aria-live="polite">
          Uploading {{ u.name }}… {{ u.percent }}%
        </p>
        <mat-progress-bar
          mode="determinate"
          [value]="u.percent"
          [attr.aria-label]="'Uploading ' + u.name"
        />
      }
      <p class="cdk-visually-hidden" aria-live="polite">{{ announcement() }}</p>
      <mz-file-picker
        label="Attach a certificate"
        [accept]="accept"
        [disabled]="!!uploading()"
        describedBy="mz-certs-hint"
        (picked)="attach($event)"
      />
    </section>
  `,
  styles: `
    .mz-certs {
      margin: 16px 0;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .mz-certs__heading {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .mz-hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .mz-certs__empty {
      margin: 0 0 12px;
    }
    .mz-certs__list {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .mz-certs__item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .mz-certs__name {
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .mz-certs__meta {
      flex: 1 1 200px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .mz-certs__actions {
      display: flex;
      gap: 8px;
    }
    .mz-danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CreditCertificates {
  private readonly api = inject(CertificatesApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly creditId = input.required<string>();

  protected readonly certificates = remote(
    () => this.creditId(),
    (id) => this.api.list(id),
  );
  protected readonly uploading = signal<{
    name: string;
    percent: number;
  } | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly confirmingId = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly accept = CERTIFICATE_ACCEPT;
  protected readonly size = megabytes;
  protected readonly dateText = dateText;

  protected attach(file: File): void {
    this.error.set(null);
    const problem = certificateFileProblem(file);
    if (problem) {
      this.error.set(problem);
      return;
    }
    this.uploading.set({ name: file.name, percent: 0 });
    this.api
      .upload(this.creditId(), file)
      .pipe(
        finalize(() => this.uploading.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (e) => {
          if (e.kind === 'progress') {
            this.uploading.set({ name: file.name, percent: e.percent });
          } else {
            this.announcement.set(`${e.certificate.fileName} attached.`);
            this.certificates.reload();
          }
        },
        error: (err: unknown) =>
          this.error.set(`${file.name} was not attached. ${errorMessage(err)}`),
      });
  }

  protected download(c: CertificateDto): void {
    this.error.set(null);
    this.busyId.set(c.id);
    this.api
      .download(c.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (res) => saveResponse(res, c.fileName),
        error: (err: unknown) =>
          this.error.set(
            `${c.fileName} did not download. ${errorMessage(err)}`,
          ),
      });
  }

  protected remove(c: CertificateDto): void {
    this.error.set(null);
    this.busyId.set(c.id);
    this.api
      .remove(c.id)
      .pipe(
        finalize(() => {
          this.busyId.set(null);
          this.confirmingId.set(null);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.announcement.set(`${c.fileName} removed.`);
          this.certificates.reload();
        },
        error: (err: unknown) =>
          this.error.set(`${c.fileName} was not removed. ${errorMessage(err)}`),
      });
  }
}
