import { certificateFileProblem, isPdf, megabytes } from './certificate-file';

describe('certificate files in the browser', () => {
  it('accepts PDF, PNG and JPEG up to 10 MB', () => {
    for (const [name, type] of [
      ['a.pdf', 'application/pdf'],
      ['a.png', 'image/png'],
      ['a.jpg', 'image/jpeg'],
      // Some systems give no type: the name decides here, the server sniffs the bytes.
      ['a.JPEG', ''],
    ]) {
      expect(
        certificateFileProblem(new File(['x'], name, { type })),
      ).toBeNull();
    }
    expect(
      certificateFileProblem(
        new File([new Uint8Array(10 * 1024 * 1024)], 'max.pdf', {
          type: 'application/pdf',
        }),
      ),
    ).toBeNull();
  });

  it('refuses empty, too large and other files with a sentence', () => {
    expect(certificateFileProblem(new File([], 'e.pdf'))).toBe(
      '“e.pdf” is empty.',
    );
    expect(
      certificateFileProblem(
        new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf', {
          type: 'application/pdf',
        }),
      ),
    ).toBe('“big.pdf” is 10.0 MB; certificates can be at most 10 MB.');
    expect(
      certificateFileProblem(
        new File(['x'], 'a.docx', { type: 'application/msword' }),
      ),
    ).toBe('“a.docx” is not a PDF, PNG or JPEG file.');
  });

  it('reads only PDFs for prefill, and sizes files for people', () => {
    expect(isPdf(new File(['x'], 'a.pdf', { type: 'application/pdf' }))).toBe(
      true,
    );
    expect(isPdf(new File(['x'], 'a.png', { type: 'image/png' }))).toBe(false);
    expect(megabytes(900)).toBe('900 B');
    expect(megabytes(2048)).toBe('2 KB');
    expect(megabytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
