import pino from 'pino';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { REDACT_PATHS, loggerParams, requestLogging } from './logging';

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
          unsubscribeKey: 'unsubscribe-key-value',
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
      'unsubscribe-key-value',
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

  describe('request lines', () => {
    function appLogging(level: string) {
      const { stream, lines } = capture();
      const app = express();
      app.use((req, _res, next) => {
        (req as { id?: string }).id = 'req-1';
        next();
      });
      app.use(requestLogging(level, stream));
      app.get('/api/ok', (_req, res) => {
        res.json({ ok: true });
      });
      app.get('/api/health', (_req, res) => {
        res.json({ status: 'ok' });
      });
      app.get('/api/missing', (_req, res) => {
        res.status(404).json({});
      });
      app.get('/api/broken', (_req, res) => {
        res.status(500).json({});
      });
      app.get('/index.html', (_req, res) => {
        res.send('<html></html>');
      });
      const logged = () => lines.map((l) => JSON.parse(l));
      return { app, logged };
    }

    it('logs each finished API request as id, method, path, status and time', async () => {
      const { app, logged } = appLogging('info');
      await request(app)
        .get('/api/ok?token=secret')
        .set('Authorization', 'Bearer eyJsecret')
        .expect(200);
      await request(app).get('/api/missing').expect(404);
      await request(app).get('/api/broken').expect(500);
      await request(app).get('/api/health').expect(200);
      await request(app).get('/index.html').expect(200);
      const [ok, missing, broken, ...rest] = logged();
      expect(rest).toEqual([]);
      expect(ok).toMatchObject({
        level: 30,
        msg: 'request completed',
        req: { id: 'req-1', method: 'GET', url: '/api/ok' },
        res: { statusCode: 200 },
      });
      expect(typeof ok.responseTime).toBe('number');
      expect(JSON.stringify(ok)).not.toMatch(/secret/);
      expect(missing).toMatchObject({ level: 40, res: { statusCode: 404 } });
      expect(broken).toMatchObject({
        level: 50,
        msg: 'request errored',
        res: { statusCode: 500 },
      });
    });

    it('logs a request the client gave up on as info, not as an error', async () => {
      const { app, logged } = appLogging('info');
      let release = (): void => undefined;
      app.get('/api/slow', (_req, res) => {
        release = () => res.json({ late: true });
      });
      const server = app.listen(0);
      try {
        const { port } = server.address() as { port: number };
        const gone = new AbortController();
        const call = fetch(`http://127.0.0.1:${port}/api/slow`, {
          signal: gone.signal,
        }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
        gone.abort();
        await call;
        await new Promise((resolve) => setTimeout(resolve, 50));
        release();
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        server.close();
      }
      expect(logged()).toEqual([
        expect.objectContaining({
          level: 30,
          msg: 'request aborted',
          req: expect.objectContaining({ url: '/api/slow' }),
        }),
      ]);
    });

    it('writes only the lines its level allows', async () => {
      const { app, logged } = appLogging('warn');
      await request(app).get('/api/ok').expect(200);
      await request(app).get('/api/missing').expect(404);
      expect(logged().map((l) => l.res.statusCode)).toEqual([404]);
      const silent = appLogging('silent');
      await request(silent.app).get('/api/broken').expect(500);
      expect(silent.logged()).toEqual([]);
    });
  });
});
