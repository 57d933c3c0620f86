import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { OrganizationKind } from '@mezzo/shared-contracts';
import { AuthStore, type HoldsUnsavedChanges } from '@mezzo/web-core';
import { LoadError, remote } from '@mezzo/web-licenses';
import {
  Alert,
  SubmitButton,
  controlError,
  focusFirstInvalid,
  formErrorTiming,
} from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { formFailure } from '../data/form-failure';
import { OrganizationsApi } from '../data/organizations.api';
import { KIND_CODES, KIND_LABELS, ROLE_LABELS } from '../data/roles';

/** The API's limit for a name. */
export const ORGANIZATION_NAME_MAX_LENGTH = 200;

/**
 * Route `organizations`: the organisations I belong to, with my role in each, and a form to create
 * one (I become its owner, and land on its page to invite people).
 */
@Component({
  selector: 'mz-organizations-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Alert,
    LoadError,
    SubmitButton,
  ],
  templateUrl: './organizations-list.page.html',
  styleUrls: ['../organizations-pages.scss', './organizations-list.page.css'],
})
export class OrganizationsListPage implements HoldsUnsavedChanges {
  private readonly api = inject(OrganizationsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly organizations = remote(
    () => true,
    () => this.api.mine(),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [
      '',
      [
        Validators.required,
        Validators.maxLength(ORGANIZATION_NAME_MAX_LENGTH),
        Validators.pattern(/\S/),
      ],
    ],
    kind: ['' as OrganizationKind | '', Validators.required],
  });
  protected readonly creating = signal(false);
  protected readonly error = signal<string | null>(null);
  private saved = false;

  protected readonly kindCodes = KIND_CODES;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly fieldError = controlError;
  protected readonly messages = {
    name: {
      required: 'Enter the organisation’s name.',
      pattern: 'Enter the organisation’s name.',
      maxlength: `Use at most ${ORGANIZATION_NAME_MAX_LENGTH} characters.`,
    },
    kind: { required: 'Choose what kind of organisation it is.' },
  } as const;

  hasUnsavedChanges(): boolean {
    return !this.saved && this.form.dirty;
  }

  protected create(): void {
    if (this.creating()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    const { name, kind } = this.form.getRawValue();
    if (!kind) return;
    this.creating.set(true);
    this.api
      .create({ name: name.trim(), kind })
      .pipe(
        finalize(() => this.creating.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (created) => {
          this.saved = true;
          // The session lists my organisations (the account page reads them): I now own this one.
          this.auth.reloadUser();
          void this.router.navigate(['/organizations', created.id]);
        },
        error: (err: unknown) =>
          this.error.set(
            formFailure(
              err,
              this.form,
              this.host.nativeElement,
              'The organisation was not created.',
            ),
          ),
      });
  }
}
