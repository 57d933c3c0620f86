import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface RetireDialogData {
  name: string;
}

/** Confirms retiring a license: it stops being tracked but its history stays. */
@Component({
  selector: 'mz-retire-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Retire {{ data.name }}?</h2>
    <mat-dialog-content>
      <p>
        Mezzo will stop tracking this license and its deadlines. Your credits
        stay in your log and keep counting toward your other licenses. You can
        reinstate it later from its page (Licenses, "Show retired").
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
        Keep it
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        Retire license
      </button>
    </mat-dialog-actions>
  `,
})
export class RetireDialog {
  protected readonly data = inject<RetireDialogData>(MAT_DIALOG_DATA);
}
