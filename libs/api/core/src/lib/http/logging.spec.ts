import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS, loggerParams } from './logging';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, lines };
}

describe('logging', () => {
  it('redacts passwords, tokens, cookies and secrets wherever they appear', () => {
    const { stream, lines } = capture();
    const logger = pino(
      { redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
      stream,
    );
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer eyJsecret',
            cookie: 'mz_refresh=abc',
          },
        },
        body: {
          password: 'hunter2-hunter2',
          newPassword: 'n3w-secret',
          token: 'reset-token-1',
        },
        config: {
          jwtSecret: 'jwt-secret-value',
          cookieSecret: 'cookie-secret-value',
        },
      },
      'request',
    );
    const out = lines.join('');
    for (const secret of [
      'eyJsecret',
      'mz_refresh=abc',
      'hunter2-hunter2',
      'n3w-secret',
      'reset-token-1',
      'jwt-secret-value',
      'cookie-secret-value',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('logs requests as id, method and path only (no headers, no query string)', () => {
    const params = loggerParams('info');
    const http = params.pinoHttp as {
      serializers: { req: (r: unknown) => unknown };
    };
    expect(
      http.serializers.req({
        id: 'r1',
        method: 'GET',
        url: '/api/credits/abc?token=secret',
        headers: { authorization: 'x' },
      }),
    ).toEqual({
      id: 'r1',
      method: 'GET',
      url: '/api/credits/abc',
    });
  });

  it('never logs the secret of a calendar-feed URL', () => {
    const params = loggerParams('info');
    const http = params.pinoHttp as {
      serializers: { req: (r: unknown) => { url: string } };
    };
    expect(
      http.serializers.req({
        id: 'r',
        method: 'GET',
        url: '/api/calendar/s3cr3t-token.ics',
      }).url,
    ).toBe('/api/calendar/[redacted]');
  });
});
