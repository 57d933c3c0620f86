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
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type {
  CreateLicenseRequest,
  LicenseDto,
  LicenseTypeOptionDto,
} from '@mezzo/shared-contracts';
import { errorMessage, type HoldsUnsavedChanges } from '@mezzo/web-core';
import { showSaveError } from '../ui/save-error';
import {
  Alert,
  controlError,
  focusFirstInvalid,
  formErrorTiming,
} from '@mezzo/web-ui';
import { finalize, forkJoin, map, of, startWith, type Observable } from 'rxjs';
import { ROLE_CODES, ROLE_LABELS, type LicenseRole } from '../data/labels';
import { LicensesApi } from '../data/licenses.api';
import { LoadError } from '../ui/load-error';

/** Anchors that derive the cycle from the licensee's birth date. */
const BIRTH_ANCHORS: ReadonlySet<LicenseTypeOptionDto['anchor']> = new Set([
  'birth-month',
  'birthday',
]);

export interface JurisdictionGroup {
  code: string;
  name: string;
  types: LicenseTypeOptionDto[];
}

/** Today as YYYY-MM-DD in the person's own calendar. */
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

/**
 * A date on the wrong side of the issue date beside it (a typo; the API refuses it too): `error`
 * when `wrong(value, issuedOn)`; nothing while either is empty.
 */
function againstIssue(
  error: string,
  wrong: (value: string, issuedOn: string) => boolean,
): (control: AbstractControl<string>) => ValidationErrors | null {
  return (control) => {
    const issued: unknown = control.parent?.get('issuedOn')?.value;
    return control.value &&
      typeof issued === 'string' &&
      issued &&
      wrong(control.value, issued)
      ? { [error]: true }
      : null;
  };
}

/** A birth date must come before the issue date, a renewal date after it. */
const beforeIssue = againstIssue('afterIssue', (v, issued) => v >= issued);
const afterIssue = againstIssue('beforeIssue', (v, issued) => v <= issued);

/** Rule-set options grouped by jurisdiction, both sorted by name. */
export function groupOptions(
  options: LicenseTypeOptionDto[],
): JurisdictionGroup[] {
  const groups = new Map<string, JurisdictionGroup>();
  for (const o of options) {
    const g = groups.get(o.jurisdiction) ?? {
      code: o.jurisdiction,
      name: o.jurisdictionName,
      types: [],
    };
    g.types.push(o);
    groups.set(o.jurisdiction, g);
  }
  const list = [...groups.values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const g of list)
    g.types.sort((a, b) => a.licenseType.localeCompare(b.licenseType));
  return list;
}

type LoadState =
  { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready' };

/**
 * Add (`licenses/new`) or edit (`licenses/:id/edit`) a license. The birth date is asked for only when
 * the chosen type's cycle is anchored on it. Edits send the version last seen; a 409 says the license
 * changed elsewhere and offers to reload it.
 */
@Component({
  selector: 'mz-license-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Alert,
    LoadError,
  ],
  templateUrl: './license-form.page.html',
  styleUrl: './license-form.page.scss',
})
export class LicenseFormPage implements OnInit, HoldsUnsavedChanges {
  private readonly api = inject(LicensesApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  /** Set on `:id/edit`. */
  readonly id = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    jurisdiction: ['', Validators.required],
    licenseType: ['', Validators.required],
    number: [
      '',
      [Validators.required, Validators.maxLength(60), Validators.pattern(/\S/)],
    ],
    issuedOn: ['', [Validators.required, notInFuture]],
    // Validators set by `syncBirthDate` for the chosen license type.
    birthDate: [''],
    renewsOn: [''],
    roles: new FormGroup(
      Object.fromEntries(
        ROLE_CODES.map((r) => [
          r,
          new FormControl(false, { nonNullable: true }),
        ]),
      ) as Record<LicenseRole, FormControl<boolean>>,
    ),
  });

  protected readonly state = signal<LoadState>({ kind: 'loading' });
  protected readonly loadError = computed(() => {
    const s = this.state();
    return s.kind === 'error' ? s.error : null;
  });
  protected readonly groups = signal<JurisdictionGroup[]>([]);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  private version = 0;
  /** The edited license's birth date as stored (null for a new license). */
  private storedBirthDate: string | null = null;
  /** Set once saved: the page may then be left without asking. */
  private saved = false;

  /** What was typed and not saved yet (`confirmLeavingUnsaved`). */
  hasUnsavedChanges(): boolean {
    return !this.saved && this.form.dirty;
  }

  protected readonly editing = computed(() => !!this.id());
  protected readonly roleCodes = ROLE_CODES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly maxDate = today();
  protected readonly fieldError = controlError;
  protected readonly messages = {
    jurisdiction: { required: 'Choose the state or jurisdiction.' },
    licenseType: { required: 'Choose the license type.' },
    number: {
      required: 'Enter the license number.',
      pattern: 'Enter the license number.',
      maxlength: 'Use at most 60 characters.',
    },
    issuedOn: {
      required: 'Enter the date the license was issued.',
      future: 'The issue date cannot be in the future.',
    },
    birthDate: {
      required: 'This license renews by your birth date: enter it.',
      future: 'The birth date cannot be in the future.',
      afterIssue: 'The birth date must be before the issue date.',
    },
    renewsOn: {
      required:
        'Enter the renewal (expiration) date printed on your license: it says which years your cycle runs.',
      beforeIssue: 'The renewal date must be after the issue date.',
    },
  } as const;

  private readonly jurisdiction = toSignal(
    this.form.controls.jurisdiction.valueChanges.pipe(
      startWith(this.form.controls.jurisdiction.value),
    ),
    { requireSync: true },
  );
  private readonly licenseType = toSignal(
    this.form.controls.licenseType.valueChanges.pipe(
      startWith(this.form.controls.licenseType.value),
    ),
    { requireSync: true },
  );
  protected readonly types = computed(
    () =>
      this.groups().find((g) => g.code === this.jurisdiction())?.types ?? [],
  );
  protected readonly selected = computed(
    () =>
      this.types().find((t) => t.licenseType === this.licenseType()) ?? null,
  );
  /** The chosen type's cycle is anchored on the licensee's birth date. */
  protected readonly needsBirthDate = computed(() => {
    const s = this.selected();
    return !!s && BIRTH_ANCHORS.has(s.anchor);
  });
  /** The rules renew on a fixed date without saying which years (NM, TN): the license says. */
  protected readonly needsRenewalDate = computed(
    () => this.selected()?.needsRenewalDate === true,
  );
  /**
   * The renewal date is offered: required above, optional where cycles follow the licensee (the
   * date printed on the license places the cycle; NC's shorter first periods).
   */
  protected readonly acceptsRenewalDate = computed(
    () =>
      this.needsRenewalDate() || this.selected()?.acceptsRenewalDate === true,
  );
  /** What an empty optional renewal date means for the chosen type. */
  protected readonly renewalDateHint = computed(() => {
    const s = this.selected();
    const years = (s?.cycleMonths ?? 24) / 12;
    const otherwise =
      s?.anchor === 'issue-date'
        ? `every ${years === 1 ? 'year' : `${years} years`} from the issue date`
        : 'by your birth date';
    return `The expiration date printed on it. Empty: ${otherwise}.`;
  });

  constructor() {
    // A new jurisdiction empties a license type it does not have.
    this.form.controls.jurisdiction.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((code) => {
        const type = this.form.controls.licenseType.value;
        const group = this.groups().find((g) => g.code === code);
        if (type && !group?.types.some((t) => t.licenseType === type)) {
          this.form.controls.licenseType.setValue('');
        }
      });
    this.form.controls.licenseType.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.syncBirthDate());
    // The other dates are judged against the issue date: again whenever it changes.
    this.form.controls.issuedOn.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.form.controls.birthDate.updateValueAndValidity({
          emitEvent: false,
        });
        this.form.controls.renewsOn.updateValueAndValidity({
          emitEvent: false,
        });
      });
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set({ kind: 'loading' });
    this.error.set(null);
    const id = this.id();
    const license$: Observable<LicenseDto | null> = id
      ? this.api.get(id)
      : of(null);
    forkJoin({ options: this.api.ruleSets(), license: license$ })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ options, license }) => {
          this.groups.set(groupOptions(options));
          if (license) this.fill(license);
          this.syncBirthDate();
          this.state.set({ kind: 'ready' });
        },
        error: (error: unknown) => this.state.set({ kind: 'error', error }),
      });
  }

  /** After a 409: take the license as it now stands (the person's edits are dropped, said so). */
  protected reloadLatest(): void {
    const id = this.id();
    if (!id) return;
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (license) => {
          this.fill(license);
          this.conflict.set(false);
          this.error.set(null);
        },
        error: (err: unknown) => this.error.set(errorMessage(err)),
      });
  }

  private fill(license: LicenseDto): void {
    this.version = license.version;
    this.storedBirthDate = license.birthDate;
    this.form.reset({
      jurisdiction: license.jurisdiction,
      licenseType: license.licenseType,
      number: license.number,
      issuedOn: license.issuedOn,
      birthDate: license.birthDate ?? '',
      renewsOn: license.renewsOn ?? '',
      roles: Object.fromEntries(
        ROLE_CODES.map((r) => [r, license.roles.includes(r)]),
      ),
    });
    this.syncBirthDate();
  }

  /**
   * The birth and renewal dates are checked only while their fields are shown: a value left in a
   * field hidden by another license type must not block the form with an error nobody can see.
   */
  private syncBirthDate(): void {
    const control = this.form.controls.birthDate;
    control.setValidators(
      this.needsBirthDate()
        ? [Validators.required, notInFuture, beforeIssue]
        : [],
    );
    control.updateValueAndValidity({ emitEvent: false });
    const renews = this.form.controls.renewsOn;
    renews.setValidators(
      this.needsRenewalDate()
        ? [Validators.required, afterIssue]
        : this.acceptsRenewalDate()
          ? [afterIssue]
          : [],
    );
    renews.updateValueAndValidity({ emitEvent: false });
  }

  protected submit(): void {
    if (this.submitting()) return;
    this.error.set(null);
    this.syncBirthDate();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateLicenseRequest = {
      jurisdiction: v.jurisdiction,
      licenseType: v.licenseType,
      number: v.number.trim(),
      issuedOn: v.issuedOn,
      // A hidden birth date field sends what is stored (nothing for a new license), not what was
      // typed there for another license type and never checked.
      birthDate: this.needsBirthDate() ? v.birthDate : this.storedBirthDate,
      renewsOn: this.acceptsRenewalDate() ? v.renewsOn || null : null,
      roles: ROLE_CODES.filter((r) => v.roles[r]),
    };
    const id = this.id();
    const request$ = id
      ? this.api.update(id, { ...body, version: this.version })
      : this.api.create(body);
    this.submitting.set(true);
    request$
      .pipe(
        map((license) => license.id),
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (savedId) => {
          this.saved = true;
          void this.router.navigate(['/licenses', savedId]);
        },
        error: (err: unknown) => this.fail(err),
      });
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
