import PDFDocument from 'pdfkit';
import { extractPdfText } from './pdf-text';

function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

describe('extractPdfText (worker thread)', () => {
  it('returns the text of a real PDF', async () => {
    const text = await extractPdfText(await makePdf('Credits: 1.5'));
    expect(text).toContain('Credits: 1.5');
  });

  it('answers null for a damaged PDF and for one that takes too long', async () => {
    expect(await extractPdfText(Buffer.from('%PDF-1.7\ngarbage'))).toBeNull();
    expect(await extractPdfText(await makePdf('slow'), 1)).toBeNull();
  });
});
