import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';

let nextId = 0;

/**
 * A file chooser that looks like a button and stays a real `<input type="file">`: keyboard,
 * screen readers and drag-and-drop onto it work as the browser makes them, and the label names
 * the input. Emits the chosen file and clears the input, so choosing the same file again works.
 */
@Component({
  selector: 'mz-file-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input
      class="mz-file-input"
      type="file"
      [id]="inputId"
      [accept]="accept()"
      [disabled]="disabled()"
      [attr.aria-describedby]="describedBy()"
      (change)="changed($event)"
    />
    <label
      class="mz-file-label"
      [class.mz-file-label--disabled]="disabled()"
      [for]="inputId"
      >{{ label() }}</label
    >
  `,
  styles: `
    :host {
      display: inline-block;
      position: relative;
    }
    .mz-file-input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      overflow: hidden;
    }
    .mz-file-label {
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      padding: 0 20px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 20px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
      user-select: none;
    }
    .mz-file-label:hover {
      background: color-mix(in srgb, var(--mat-sys-primary) 8%, transparent);
    }
    .mz-file-input:focus-visible + .mz-file-label {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .mz-file-label--disabled {
      opacity: 0.5;
      cursor: default;
    }
  `,
})
export class FilePicker {
  readonly label = input.required<string>();
  readonly accept = input('');
  readonly disabled = input(false);
  readonly describedBy = input<string | null>(null);
  readonly picked = output<File>();

  protected readonly inputId = `mz-file-${nextId++}`;

  protected changed(event: Event): void {
    const el = event.target as HTMLInputElement;
    const file = el.files?.[0];
    el.value = '';
    if (file) this.picked.emit(file);
  }
}
