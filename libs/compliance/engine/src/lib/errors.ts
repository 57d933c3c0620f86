/** Typed failures of the engine: callers (CLI, API) map `code` to an exit code or an HTTP 4xx. */
export type EngineErrorCode =
  | 'as-of-required'
  | 'cycle-undetermined'
  | 'no-rule-set-version'
  | 'conversion-undefined'
  | 'rule-set-too-large'
  | 'transcript-too-large';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** JSON path of the input field at fault, when there is one (`/license/birthDate`). */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
