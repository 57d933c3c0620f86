import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { PracticeLevel } from '@mezzo/compliance-engine';
import {
  MAX_CREDIT_HOURS,
  type CreditDto,
  type CreditInput,
} from '@mezzo/shared-contracts';
import { showSaveError } from '@mezzo/web-licenses';
import {
  FORMAT_CODES,
  FORMAT_LABELS,
  LoadError,
  MACRO_AREA_CODES,
  MACRO_AREA_LABELS,
  PRACTICE_CODES,
  TOPIC_CODES,
  TOPIC_LABELS,
  hours,
} from '@mezzo/web-licenses';
import { errorMessage } from '@mezzo/web-core';
import {
  Alert,
  FilePicker,
  controlError,
  focusFirstInvalid,
  formErrorTiming,
} from '@mezzo/web-ui';
import {
  type Observable,
  catchError,
  finalize,
  last,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import {
  CERTIFICATE_ACCEPT,
  certificateFileProblem,
  isPdf,
  megabytes,
} from '../certificates/certificate-file';
import { CreditCertificates } from '../certificates/credit-certificates';
import { planPrefill } from '../certificates/prefill';
import { CertificatesApi } from '../data/certificates.api';
import { CreditsApi } from '../data/credits.api';

/** Hours are kept to two decimals; a float sum must not fail on 0.1 + 0.2. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** The practice split must add up to the credit's hours. */
export function splitMatchesHours(
  group: AbstractControl,
): ValidationErrors | null {
  const hoursValue = num(group.get('hours')?.value);
  const p = group.get('practice')?.value as
    Record<PracticeLevel, unknown> | undefined;
  if (!p || hoursValue <= 0) return null;
  const sum = round2(num(p.clinical) + num(p.macro) + num(p.general));
  return sum === round2(hoursValue)
    ? null
    : { splitMismatch: { sum, hours: hoursValue } };
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function notInFuture(
  control: AbstractControl<string>,
): ValidationErrors | null {
  return control.value && control.value > today() ? { future: true } : null;
}

type ApprovalGroup = FormGroup<{
  body: FormControl<string>;
  number: FormControl<string>;
}>;
type LoadState = 'loading' | 'error' | 'ready';

/** What reading a certificate filled in, shown above the form until the licensee saves. */
interface PrefillNotice {
  fileName: string;
  filled: string[];
  warnings: string[];
}

/**
 * Log (`credits/new`) or edit (`credits/:id/edit`) a credit, with its practice split checked live
 * against its hours, macro areas when some hours are macro, and approvals as rows.
 */
@Component({
  selector: 'mz-credit-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Alert,
    CreditCertificates,
    FilePicker,
    LoadError,
  ],
  templateUrl: './credit-form.page.html',
  styleUrl: './credit-form.page.css',
})
export class CreditFormPage implements OnInit {
  private readonly api = inject(CreditsApi);
  private readonly certificatesApi = inject(CertificatesApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Set on `:id/edit`. */
  readonly id = input<string>();
  /** `?certificate=failed`: the credit was saved but its certificate did not upload. */
  readonly certificate = input<string>();

  protected readonly form = this.fb.group(
    {
      title: [
        '',
        [
          Validators.required,
          Validators.maxLength(300),
          Validators.pattern(/\S/),
        ],
      ],
      provider: ['', Validators.maxLength(200)],
      completedOn: ['', [Validators.required, notInFuture]],
      hours: [
        null as number | null,
        [
          Validators.required,
          Validators.min(0.01),
          Validators.max(MAX_CREDIT_HOURS),
        ],
      ],
      format: ['', Validators.required],
      topics: [[] as string[]],
      practice: this.fb.group({
        clinical: [0, [Validators.required, Validators.min(0)]],
        macro: [0, [Validators.required, Validators.min(0)]],
        general: [0, [Validators.required, Validators.min(0)]],
      }),
      macroAreas: [[] as string[]],
      approvals: this.fb.array<ApprovalGroup>([]),
    },
    { validators: splitMatchesHours },
  );

  protected readonly state = signal<LoadState>('loading');
  protected readonly loadFailure = signal<unknown>(null);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  private version = 0;

  /** New credit: the certificate chosen, uploaded once the credit is saved. */
  protected readonly pendingFile = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly reading = signal(false);
  protected readonly prefillNotice = signal<PrefillNotice | null>(null);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly certificateAccept = CERTIFICATE_ACCEPT;
  protected readonly fileSize = megabytes;

  protected readonly editing = computed(() => !!this.id());
  protected readonly formats = FORMAT_CODES;
  protected readonly formatLabels = FORMAT_LABELS;
  protected readonly topics = TOPIC_CODES;
  protected readonly topicLabels = TOPIC_LABELS;
  protected readonly levels = PRACTICE_CODES;
  /** Short enough for three fields side by side on a phone. */
  protected readonly levelFieldLabels: Readonly<Record<PracticeLevel, string>> =
    {
      clinical: 'Clinical hours',
      macro: 'Macro hours',
      general: 'General hours',
    };
  protected readonly macroAreas = MACRO_AREA_CODES;
  protected readonly macroAreaLabels = MACRO_AREA_LABELS;
  protected readonly maxDate = today();
  protected readonly fmt = hours;
  protected readonly fieldError = controlError;
  protected readonly messages = {
    title: {
      required: 'Enter the course title.',
      pattern: 'Enter the course title.',
      maxlength: 'Use at most 300 characters.',
    },
    provider: { maxlength: 'Use at most 200 characters.' },
    completedOn: {
      required: 'Enter the completion date.',
      future: 'The completion date cannot be in the future.',
    },
    hours: {
      required: 'Enter the hours.',
      min: 'Hours must be more than 0.',
      max: `At most ${MAX_CREDIT_HOURS} hours.`,
    },
    format: { required: 'Choose the format.' },
    level: {
      required: 'Enter 0 or more hours.',
      min: 'Hours cannot be negative.',
    },
    approvalBody: { required: 'Enter the approving body, or remove this row.' },
  } as const;

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly hoursValue = computed(() => num(this.value().hours));
  protected readonly splitSum = computed(() => {
    const p = this.value().practice;
    return round2(num(p.clinical) + num(p.macro) + num(p.general));
  });
  protected readonly splitOk = computed(
    () =>
      this.hoursValue() > 0 && this.splitSum() === round2(this.hoursValue()),
  );
  /** Macro areas are asked for once some hours are macro. */
  protected readonly showMacroAreas = computed(
    () => num(this.value().practice.macro) > 0,
  );

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    const id = this.id();
    if (!id) {
      this.state.set('ready');
      return;
    }
    this.state.set('loading');
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (credit) => {
          this.fill(credit);
          this.conflict.set(false);
          this.error.set(null);
          this.state.set('ready');
        },
        error: (err: unknown) => {
          this.loadFailure.set(err);
          this.state.set('error');
        },
      });
  }

  private fill(c: CreditDto): void {
    this.version = c.version;
    this.form.controls.approvals.clear();
    for (const a of c.approvals) this.addApproval(a.body, a.number ?? '');
    this.form.reset({
      title: c.title,
      provider: c.provider ?? '',
      completedOn: c.completedOn,
      hours: c.hours,
      format: c.format,
      topics: [...c.topics],
      practice: { ...c.practice },
      macroAreas: [...c.macroAreas],
      approvals: c.approvals.map((a) => ({
        body: a.body,
        number: a.number ?? '',
      })),
    });
  }

  protected get approvals(): FormArray<ApprovalGroup> {
    return this.form.controls.approvals;
  }

  protected addApproval(body = '', number = ''): void {
    this.approvals.push(
      this.fb.group({
        body: [body, [Validators.required, Validators.maxLength(60)]],
        number: [number, Validators.maxLength(40)],
      }),
    );
  }

  protected removeApproval(index: number): void {
    this.approvals.removeAt(index);
  }

  /** "Put all hours in one level": the whole credit is clinical, macro or general. */
  protected allIn(level: PracticeLevel): void {
    const h = this.hoursValue();
    this.form.controls.practice.setValue({
      clinical: level === 'clinical' ? h : 0,
      macro: level === 'macro' ? h : 0,
      general: level === 'general' ? h : 0,
    });
    this.form.controls.practice.markAsDirty();
  }

  /**
   * A certificate chosen on a new credit: kept to upload with the credit, and, when it is a PDF,
   * read by the server to suggest the empty fields (the licensee checks them and saves).
   */
  protected pickCertificate(file: File): void {
    this.fileError.set(null);
    this.prefillNotice.set(null);
    const problem = certificateFileProblem(file);
    if (problem) {
      this.fileError.set(problem);
      return;
    }
    this.pendingFile.set(file);
    if (!isPdf(file)) return;
    this.reading.set(true);
    this.certificatesApi
      .prefill(file)
      .pipe(
        finalize(() => this.reading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (suggestion) => {
          if (this.pendingFile() !== file) return;
          const plan = planPrefill(
            this.form.getRawValue(),
            suggestion,
            today(),
          );
          const { practice, ...fields } = plan.patch;
          this.form.patchValue(fields);
          if (practice) this.form.controls.practice.setValue(practice);
          if (plan.approval) {
            this.addApproval(plan.approval.body, plan.approval.number);
          }
          if (plan.filled.length > 0) this.form.markAsDirty();
          this.prefillNotice.set({
            fileName: file.name,
            filled: plan.filled,
            warnings: plan.warnings,
          });
        },
        error: (err: unknown) =>
          this.fileError.set(
            `Mezzo could not read ${file.name}, so fill in the form yourself; the file will still be attached. ${errorMessage(err)}`,
          ),
      });
  }

  protected dropCertificate(): void {
    this.pendingFile.set(null);
    this.fileError.set(null);
    this.prefillNotice.set(null);
  }

  protected submit(): void {
    if (this.submitting()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (
        this.form.hasError('splitMismatch') &&
        Object.values(this.form.controls).every((c) => c.valid)
      ) {
        this.host.nativeElement
          .querySelector<HTMLElement>('[formcontrolname="clinical"]')
          ?.focus();
      } else {
        focusFirstInvalid(this.host.nativeElement, this.form);
      }
      return;
    }
    const v = this.form.getRawValue();
    const macro = num(v.practice.macro);
    const body: CreditInput = {
      title: v.title.trim(),
      provider: v.provider.trim() || null,
      completedOn: v.completedOn,
      hours: num(v.hours),
      format: v.format,
      topics: v.topics,
      practice: {
        clinical: num(v.practice.clinical),
        macro,
        general: num(v.practice.general),
      },
      macroAreas: macro > 0 ? v.macroAreas : [],
      approvals: v.approvals.map((a) => ({
        body: a.body.trim(),
        ...(a.number.trim() ? { number: a.number.trim() } : {}),
      })),
    };
    const id = this.id();
    this.submitting.set(true);
    if (id) {
      this.api
        .update(id, { ...body, version: this.version })
        .pipe(
          finalize(() => this.submitting.set(false)),
          takeUntilDestroyed(this.destroyRef),
        )
        .subscribe({
          next: () => void this.router.navigateByUrl('/credits'),
          error: (err: unknown) => this.fail(err),
        });
      return;
    }
    this.api
      .create(body)
      .pipe(
        switchMap((credit) =>
          this.uploadPending(credit.id).pipe(
            map(() => ({ creditId: credit.id, attached: true })),
            catchError(() => of({ creditId: credit.id, attached: false })),
          ),
        ),
        finalize(() => {
          this.submitting.set(false);
          this.uploadPercent.set(null);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ creditId, attached }) => {
          if (attached) {
            void this.router.navigateByUrl('/credits');
            return;
          }
          // The credit is saved; only its certificate is missing. Its edit page says so and
          // offers the picker again: nothing the licensee entered is lost.
          void this.router.navigate(['/credits', creditId, 'edit'], {
            queryParams: { certificate: 'failed' },
          });
        },
        error: (err: unknown) => this.fail(err),
      });
  }

  /** The chosen certificate, uploaded to the saved credit (progress shown); nothing when none. */
  private uploadPending(creditId: string): Observable<unknown> {
    const file = this.pendingFile();
    if (!file) return of(null);
    this.uploadPercent.set(0);
    return this.certificatesApi.upload(creditId, file).pipe(
      tap((e) => {
        if (e.kind === 'progress') this.uploadPercent.set(e.percent);
      }),
      last(),
    );
  }

  private fail(err: unknown): void {
    showSaveError(err, {
      form: this.form,
      host: this.host.nativeElement,
      conflict: this.conflict,
      error: this.error,
    });
  }
}
