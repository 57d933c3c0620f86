// Test support only (excluded from the library build): a tiny local stand-in for S3.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3StandIn {
  endpoint: string;
  /** Stored objects by path (`/<bucket>/<key>`). */
  objects: Map<string, { body: Buffer; type?: string }>;
  seen: Seen[];
  close(): Promise<void>;
}

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** Just enough of S3 for path-style PutObject / GetObject / DeleteObject. */
export function startS3StandIn(): Promise<S3StandIn> {
  const objects = new Map<string, { body: Buffer; type?: string }>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = decodeURIComponent(
        new URL(req.url ?? '/', 'http://x').pathname,
      );
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
      });
      if (req.method === 'PUT') {
        objects.set(path, {
          body: Buffer.concat(chunks),
          type: req.headers['content-type'],
        });
        res.writeHead(200, { ETag: '"etag"' }).end();
      } else if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o) {
          res
            .writeHead(404, { 'Content-Type': 'application/xml' })
            .end(
              '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
            );
          return;
        }
        res
          .writeHead(200, {
            'Content-Type': o.type ?? 'application/octet-stream',
            'Content-Length': String(o.body.length),
          })
          .end(o.body);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        objects,
        seen,
      }),
    ),
  );
}
