import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';

/** Confirms ending every session of the account, this one included. Closes with true to go ahead. */
@Component({
  selector: 'mz-sign-out-everywhere-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Sign out everywhere?</h2>
    <mat-dialog-content>
      <p>
        Mezzo will sign you out on every phone, computer and browser where you
        are signed in, this one included. You will need your password to sign in
        again. A device that has Mezzo open is signed out at its next step,
        within seconds.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <!-- Focus starts on the safe choice: Enter twice must not retire or sign out. -->
      <button
        mat-button
        type="button"
        [mat-dialog-close]="false"
        cdkFocusInitial
      >
        Stay signed in
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        Sign out everywhere
      </button>
    </mat-dialog-actions>
  `,
})
export class SignOutEverywhereDialog {}
