import { execFile } from 'node:child_process';

/**
 * The text of a PDF, extracted with pdf-parse in a separate Node process: pdf-parse loads pdf.js's
 * worker with a dynamic import(), which jest's CommonJS runtime refuses, while plain Node allows it.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(result.text);
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: process.cwd(), maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`pdf-parse failed: ${stderr || err.message}`))
          : resolve(stdout),
    );
    child.stdin?.end(pdf);
  });
}
