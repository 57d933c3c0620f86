/** Thrown by MailerService.send when a message could not be handed to the SMTP server or the outbox. */
export class MailDeliveryError extends Error {
  readonly code = 'MAIL_DELIVERY_FAILED';

  constructor(
    readonly to: string,
    readonly subject: string,
    readonly transport: 'smtp' | 'outbox',
    options?: { cause?: unknown },
  ) {
    super(
      `Could not send "${oneLine(subject)}" to ${oneLine(to)} via ${transport}: ${describe(options?.cause)}`,
      options,
    );
    this.name = 'MailDeliveryError';
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error
    ? cause.message
    : String(cause ?? 'unknown error');
}

/** The message goes to logs: a line break in a rejected recipient must not forge a log line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
