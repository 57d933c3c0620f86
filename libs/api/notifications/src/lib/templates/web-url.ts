/**
 * Throws unless `value` is an absolute http(s) URL: anything else (javascript:, data:) in a link we
 * send would be an injection. `name` is the template input, for the message.
 */
export function assertWebUrl(value: string, name: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${name} must be an http(s) URL, got ${url.protocol}`);
  }
}
