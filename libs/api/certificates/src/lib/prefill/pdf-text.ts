import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Pages read for a prefill: certificates are one or two pages; this bounds the work on odd files. */
const MAX_PAGES = 3;
const TIMEOUT_MS = 15_000;

/*
 * pdf.js parses on the thread that calls it (its "fake worker" in Node), and the PDF is untrusted:
 * it runs in a worker thread with a memory cap and a time limit, off the API's event loop. The
 * worker is plain CommonJS source (eval) so that neither the webpack bundle nor jest has to know
 * about a separate file. An eval'd worker resolves modules from the working directory, so the
 * parser's path is resolved here, where module resolution is the API's own.
 */
const PARSER_PATH = resolveParser();
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.parserPath);
(async () => {
  // Untrusted input: never compile fonts or scripts into JS functions.
  const parser = new PDFParse({ data: workerData.bytes, isEvalSupported: false, verbosity: 0 });
  try {
    const result = await parser.getText({ first: workerData.maxPages });
    parentPort.postMessage({ text: result.text });
  } catch (err) {
    parentPort.postMessage({ unreadable: String((err && err.message) || err) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

/**
 * The text of the first pages of a PDF; null when the PDF cannot be read (damaged, encrypted, or
 * too slow to parse). Rejects only when the parser itself cannot run (a deployment problem).
 */
export function extractPdfText(
  bytes: Buffer,
  timeoutMs = TIMEOUT_MS,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes: new Uint8Array(bytes),
        maxPages: MAX_PAGES,
        parserPath: PARSER_PATH,
      },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve(null)), timeoutMs);
    worker.once('message', (m: { text?: string }) =>
      finish(() => resolve(typeof m.text === 'string' ? m.text : null)),
    );
    worker.once('error', (err) =>
      finish(() =>
        // Out of memory on a hostile file is the file's fault; anything else is ours.
        (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? resolve(null)
          : reject(err),
      ),
    );
    worker.once('exit', () =>
      finish(() => reject(new Error('PDF text worker exited early'))),
    );
  });
}

function resolveParser(): string {
  try {
    // createRequire, not require.resolve: webpack rewrites require.resolve into a module id in the
    // bundled API (seen as "id must be of type string. Received type number").
    return createRequire(join(process.cwd(), 'noop.js')).resolve('pdf-parse');
  } catch {
    return 'pdf-parse';
  }
}
