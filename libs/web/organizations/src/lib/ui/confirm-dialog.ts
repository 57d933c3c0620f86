import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogModule,
} from '@angular/material/dialog';
import { map, type Observable } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  text: string;
  /** The button that goes ahead: "Remove Sam Worker". */
  confirm: string;
  /** The safe choice, focused first: "Keep them". */
  cancel: string;
}

/** Asks before a change to an organisation's people. Closes with true to go ahead. */
@Component({
  selector: 'mz-org-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.text }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <!-- Focus starts on the safe choice: Enter twice must not remove anyone. -->
      <button
        mat-button
        type="button"
        [mat-dialog-close]="false"
        cdkFocusInitial
      >
        {{ data.cancel }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the dialog; emits once, true only when the person went ahead. */
export function confirmChange(
  dialog: MatDialog,
  data: ConfirmDialogData,
): Observable<boolean> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      // A margin on a phone too: maxWidth replaces Material's 80vw.
      maxWidth: 'min(480px, calc(100vw - 32px))',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
