import express from 'express';
import request from 'supertest';
import { prepareJson, sendPreparedJson } from './prepared-json';

describe('prepared JSON responses', () => {
  const value = {
    evaluation: { status: 'in-progress', hours: [1, 2.5] },
    note: 'é',
  };
  const app = express();
  app.get('/prepared', (_req, res) =>
    sendPreparedJson(res, prepareJson(value)),
  );
  app.get('/plain', (_req, res) => {
    res.json(value);
  });

  it('sends the same JSON, content type and entity tag as res.json', async () => {
    const prepared = await request(app).get('/prepared').expect(200);
    const plain = await request(app).get('/plain').expect(200);
    expect(prepared.body).toEqual(value);
    expect(prepared.headers['content-type']).toBe(
      plain.headers['content-type'],
    );
    expect(prepared.headers['content-length']).toBe(
      plain.headers['content-length'],
    );
    expect(prepared.headers['etag']).toBe(plain.headers['etag']);
  });

  it('answers 304 when the client already has this body', async () => {
    const { etag } = prepareJson(value);
    await request(app).get('/prepared').set('If-None-Match', etag).expect(304);
    await request(app)
      .get('/prepared')
      .set('If-None-Match', 'W/"0-x"')
      .expect(200);
  });
});
