import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { serveWeb } from './configure-app';

@Module({})
class EmptyModule {}

describe('serveWeb: the built web app', () => {
  let app: INestApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mezzo-web-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>Mezzo</title>',
    );
    writeFileSync(join(dir, 'chunk-NOW.js'), 'export const x = 1;');
    app = await NestFactory.create(EmptyModule, { logger: false });
    serveWeb(app, dir);
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves its files, and index.html for the app routes', async () => {
    const chunk = await request(app.getHttpServer())
      .get('/chunk-NOW.js')
      .set('Accept', '*/*')
      .expect(200);
    expect(chunk.headers['content-type']).toMatch(/javascript/);
    for (const accept of ['text/html', '*/*']) {
      const page = await request(app.getHttpServer())
        .get('/licenses/1234')
        .set('Accept', accept)
        .expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers 404 for a file that is not there (a chunk of an earlier build), never index.html', async () => {
    for (const path of [
      '/chunk-GONE.js',
      '/main-OLD.js',
      '/favicon-missing.ico',
      '/assets/styles-OLD.css',
    ]) {
      const res = await request(app.getHttpServer())
        .get(path)
        .set('Accept', '*/*');
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    }
  });

  it('still opens the app for a dotted address typed or followed in the browser', async () => {
    const page = await request(app.getHttpServer())
      .get('/notes.html')
      .set('Accept', 'text/html')
      .set('Sec-Fetch-Dest', 'document')
      .expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
