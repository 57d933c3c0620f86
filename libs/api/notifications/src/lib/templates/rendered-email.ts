/** What a template produces; pass it with a recipient to MailerService.send. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
