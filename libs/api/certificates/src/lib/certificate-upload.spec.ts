import { AppError } from '@mezzo/api-core';
import { sanitiseFileName, sniffMediaType } from './certificate-upload';

describe('sanitiseFileName', () => {
  it('keeps only the last path segment and drops control and reserved characters', () => {
    expect(
      sanitiseFileName('C:\\Users\\ana\\cert.pdf', 'application/pdf'),
    ).toBe('cert.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'application/pdf')).toBe(
      'passwd.pdf',
    );
    expect(
      sanitiseFileName('ev"il\r\nname<1>\u202e.pdf', 'application/pdf'),
    ).toBe('evilname1.pdf');
    expect(sanitiseFileName('...hidden.png', 'image/png')).toBe('hidden.png');
  });

  it('names a nameless file and makes the extension match the content', () => {
    expect(sanitiseFileName(undefined, 'image/jpeg')).toBe('certificate.jpg');
    expect(sanitiseFileName('   ', 'application/pdf')).toBe('certificate.pdf');
    expect(sanitiseFileName('scan.pdf', 'image/png')).toBe('scan.pdf.png');
    expect(sanitiseFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
  });

  it('keeps names to 200 characters, extension included', () => {
    const name = sanitiseFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});

describe('sniffMediaType', () => {
  it('reads the type from the bytes and refuses anything else with 415', async () => {
    expect(
      await sniffMediaType(Buffer.from('%PDF-1.7\n%\xe2\xe3\n'), [
        'application/pdf',
      ]),
    ).toBe('application/pdf');
    const err = await sniffMediaType(Buffer.from('hello'), [
      'application/pdf',
      'image/png',
      'image/jpeg',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      message: 'The file must be one of PDF, PNG, JPG',
    });
  });

  it('answers 415 for a file cut short after its signature, where the reader runs out of bytes', async () => {
    const signatureOnly = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    const err = await sniffMediaType(signatureOnly, [
      'application/pdf',
      'image/png',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      message:
        'The file must be one of PDF, PNG (this one is cut short or damaged)',
    });
  });
});
