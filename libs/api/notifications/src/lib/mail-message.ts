export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * An http(s) URL that unsubscribes the recipient from this kind of email with a single POST
   * (RFC 8058). Sent as `List-Unsubscribe: <url>` with `List-Unsubscribe-Post:
   * List-Unsubscribe=One-Click`, which Gmail and Yahoo require of bulk senders; their "Unsubscribe"
   * button then POSTs to it. The URL must carry its own credential (a signed token): the POST
   * comes without cookies or sign-in.
   */
  unsubscribeUrl?: string;
}
