export { startTestSmtpServer } from './test-smtp-server';
export type { ReceivedMail, TestSmtpServer } from './test-smtp-server';
export { parseMail } from './parse-mail';
export type { ParsedMail } from './parse-mail';
