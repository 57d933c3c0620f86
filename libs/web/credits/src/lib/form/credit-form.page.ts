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
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
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
  type ApprovalBodyDto,
  type CreditDto,
  type CreditInput,
} from '@mezzo/shared-contracts';
import { showSaveError } from '@mezzo/web-licenses';
import {
  FORMAT_GROUPS,
  FORMAT_LABELS,
  LoadError,
  MACRO_AREA_CODES,
  MACRO_AREA_LABELS,
  PRACTICE_CODES,
  TOPIC_CODES,
  TOPIC_LABELS,
  hours,
} from '@mezzo/web-licenses';
import {
  apiError,
  errorCode,
  errorMessage,
  type HoldsUnsavedChanges,
} from '@mezzo/web-core';
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
  pairwise,
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
import { ApprovalBodiesApi } from '../data/approval-bodies.api';
import { CertificatesApi } from '../data/certificates.api';
import { CreditsApi } from '../data/credits.api';
import { knownBody, matchingBodies, unknownBodyHint } from './approval-bodies';
import {
  EARLIEST_COMPLETION,
  atMostTwoDecimals,
  levelsHolding,
  notBefore1950,
  notInFuture,
  num,
  round2,
  splitMatchesHours,
  today,
} from './credit-validators';

/** Router state a new credit hands to its edit page when its certificate did not upload. */
export interface CertificateFailedState {
  certificateProblem: string;
}

/** A server message as a sentence, ready to run on into the next one. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
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
    MatAutocompleteModule,
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
  styleUrl: './credit-form.page.scss',
})
export class CreditFormPage implements OnInit, HoldsUnsavedChanges {
  private readonly api = inject(CreditsApi);
  private readonly approvalBodiesApi = inject(ApprovalBodiesApi);
  private readonly certificatesApi = inject(CertificatesApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Set on `:id/edit`. */
  readonly id = input<string>();
  /** `?certificate=failed`: the credit was saved but its certificate did not upload. */
  readonly certificate = input<string>();
  /** Says so, with the server's reason when the form that saved it handed it along. */
  protected readonly certificateFailed: string = (() => {
    const state = this.router.currentNavigation()?.extras.state as
      Partial<CertificateFailedState> | undefined;
    const problem = state?.certificateProblem;
    const reason =
      typeof problem === 'string' && problem.trim()
        ? ` ${sentence(problem)}`
        : '';
    return `The credit was saved, but its certificate did not upload.${reason} Attach it again under Certificates below.`;
  })();

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
      completedOn: ['', [Validators.required, notInFuture, notBefore1950]],
      hours: [
        null as number | null,
        [
          Validators.required,
          Validators.min(0.01),
          Validators.max(MAX_CREDIT_HOURS),
          atMostTwoDecimals,
        ],
      ],
      format: ['', Validators.required],
      topics: [[] as string[]],
      practice: this.fb.group({
        clinical: [
          0,
          [Validators.required, Validators.min(0), atMostTwoDecimals],
        ],
        macro: [0, [Validators.required, Validators.min(0), atMostTwoDecimals]],
        general: [
          0,
          [Validators.required, Validators.min(0), atMostTwoDecimals],
        ],
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
  /** Set once saved: the page may then be left without asking. */
  private saved = false;

  /** What was typed or chosen and not saved yet (`confirmLeavingUnsaved`). */
  hasUnsavedChanges(): boolean {
    return !this.saved && (this.form.dirty || this.pendingFile() !== null);
  }
  protected readonly fileError = signal<string | null>(null);
  protected readonly reading = signal(false);
  protected readonly prefillNotice = signal<PrefillNotice | null>(null);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly certificateAccept = CERTIFICATE_ACCEPT;
  protected readonly fileSize = megabytes;

  protected readonly editing = computed(() => !!this.id());
  protected readonly formatGroups = FORMAT_GROUPS;
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
  protected readonly minDate = EARLIEST_COMPLETION;
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
      tooEarly: 'Enter a date from 1950 on',
    },
    hours: {
      required: 'Enter the hours.',
      min: 'Hours must be more than 0.',
      max: `At most ${MAX_CREDIT_HOURS} hours.`,
      decimals: 'Use at most two decimals, e.g. 1.25',
    },
    format: { required: 'Choose the format.' },
    level: {
      required: 'Enter 0 or more hours.',
      min: 'Hours cannot be negative.',
      decimals: 'Use at most two decimals, e.g. 1.25',
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

  /** The bodies boards recognise; empty (a plain text field) until loaded or when unavailable. */
  protected readonly approvalBodies = signal<readonly ApprovalBodyDto[]>([]);
  /** " (ACE)" after a body's name, unless the name already says it ("… (ACE)", "… (NASW, …)"). */
  protected codeSuffix(b: ApprovalBodyDto): string {
    return b.label === b.code || b.label.includes(`(${b.code}`)
      ? ''
      : ` (${b.code})`;
  }
  /** Per approval row: the bodies matching what is typed, for its autocomplete. */
  protected readonly approvalOptions = computed(() =>
    this.value().approvals.map((a) =>
      matchingBodies(this.approvalBodies(), a.body),
    ),
  );
  /** Per approval row: why boards would not recognise the body typed, or null. */
  protected readonly approvalHints = computed(() =>
    this.value().approvals.map((a) =>
      unknownBodyHint(this.approvalBodies(), a.body),
    ),
  );

  ngOnInit(): void {
    this.load();
    this.followHours();
    this.approvalBodiesApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (bodies) => this.approvalBodies.set(bodies),
        // Without the list the body stays a plain text field; the credit can still be saved.
        error: () => undefined,
      });
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
        // The API's limits: 80 characters for a body, 60 for a number.
        body: [body, [Validators.required, Validators.maxLength(80)]],
        number: [number, Validators.maxLength(60)],
      }),
    );
  }

  protected removeApproval(index: number): void {
    this.approvals.removeAt(index);
  }

  /** Leaving a body field: another spelling of a known body becomes its code (`ASWB ACE` → `ACE`). */
  protected settleBody(index: number): void {
    const control = this.approvals.at(index)?.controls.body;
    if (!control) return;
    const body = knownBody(this.approvalBodies(), control.value);
    if (body && control.value !== body.code) control.setValue(body.code);
  }

  /**
   * A split with every hour in one level follows the hours: changing 3 h "all clinical" to 2.5 h
   * keeps it all clinical instead of leaving a mismatch to fix. A mixed split is left alone.
   */
  private followHours(): void {
    const hours = this.form.controls.hours;
    hours.valueChanges
      .pipe(
        startWith(hours.value),
        map((v) => num(v)),
        pairwise(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(([before, after]) => {
        if (before <= 0 || after <= 0 || before === after) return;
        const p = this.form.controls.practice.getRawValue();
        const full = levelsHolding(p, before);
        if (full === null) return;
        this.form.controls.practice.patchValue({ [full]: after });
      });
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
        error: (err: unknown) => {
          if (this.pendingFile() !== file) return;
          if (errorCode(err) === 'unsupported_media_type') {
            // Its content is not a certificate type whatever its name says: the upload would be
            // refused too, so it is not kept.
            this.pendingFile.set(null);
            this.fileError.set(
              `“${file.name}” is not a PDF, PNG or JPEG file, so it was not attached. Choose the certificate itself.`,
            );
            return;
          }
          this.fileError.set(
            `Mezzo could not read ${file.name}, so fill in the form yourself; the file will still be attached. ${errorMessage(err)}`,
          );
        },
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
      const firstInvalid = Object.values(this.form.controls).find(
        (c) => c.invalid,
      );
      const practice = this.form.controls.practice;
      if (
        (!firstInvalid && this.form.hasError('splitMismatch')) ||
        firstInvalid === practice
      ) {
        const level =
          this.levels.find((l) => practice.controls[l].invalid) ?? 'clinical';
        // `[formControlName]` is bound, so it leaves no attribute to find the input by.
        this.host.nativeElement
          .querySelector<HTMLElement>(`#mz-level-${level}`)
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
          next: () => {
            this.saved = true;
            void this.router.navigateByUrl('/credits');
          },
          error: (err: unknown) => this.fail(err),
        });
      return;
    }
    this.api
      .create(body)
      .pipe(
        switchMap((credit) =>
          this.uploadPending(credit.id).pipe(
            map(() => ({ creditId: credit.id, problem: null })),
            catchError((err: unknown) =>
              of({
                creditId: credit.id,
                problem: apiError(err)?.message ?? errorMessage(err),
              }),
            ),
          ),
        ),
        finalize(() => {
          this.submitting.set(false);
          this.uploadPercent.set(null);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ creditId, problem }) => {
          this.saved = true;
          if (problem === null) {
            void this.router.navigateByUrl('/credits');
            return;
          }
          // The credit is saved; only its certificate is missing. Its edit page says so, with the
          // server's reason, and offers the picker again: nothing the licensee entered is lost.
          const state: CertificateFailedState = { certificateProblem: problem };
          void this.router.navigate(['/credits', creditId, 'edit'], {
            queryParams: { certificate: 'failed' },
            state,
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
