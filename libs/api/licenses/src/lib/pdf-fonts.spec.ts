import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GlyphCoverage,
  MISSING_GLYPH,
  PDF_FONT_PACKAGE,
  pdfFontFiles,
  printableText,
} from './pdf-fonts';

/** A font that draws everything below U+3000 except U+FE0F, like DejaVu Sans for this purpose. */
const latinGreekCyrillic: GlyphCoverage = {
  hasGlyphForCodePoint: (cp) => cp < 0x3000 && cp !== 0xfe0f,
};
const M = MISSING_GLYPH;

describe('printableText', () => {
  it('keeps every character the fonts have, in any script they cover', () => {
    const text = 'Łódź — Nguyễn Thị Hương, Ωmega, Жизнь';
    expect(printableText(text, [latinGreekCyrillic])).toBe(text);
  });

  it('replaces each character no font has by one mark, and leaves what follows intact', () => {
    expect(printableText('care 心理 and 🙂 after', [latinGreekCyrillic])).toBe(
      `care ${M}${M} and ${M} after`,
    );
    // One mark per character as a reader sees it: a family emoji, a flag, a skin tone.
    expect(printableText('a 👨‍👩‍👧 b 🇻🇳 c 👍🏽 d', [latinGreekCyrillic])).toBe(
      `a ${M} b ${M} c ${M} d`,
    );
  });

  it('drops an invisible variation selector the font lacks after a character it has', () => {
    expect(printableText('I ❤️ CE', [latinGreekCyrillic])).toBe('I ❤ CE');
  });

  it('uses precomposed letters for decomposed input', () => {
    const decomposed = 'Nguye\u0302\u0303n';
    const precomposedOnly: GlyphCoverage = {
      hasGlyphForCodePoint: (cp) => cp < 0x300 || cp === 0x1ec5,
    };
    expect(printableText(decomposed, [precomposedOnly])).toBe('Nguyễn');
  });

  it('asks every font: a character one of them lacks is replaced', () => {
    const noOmega: GlyphCoverage = {
      hasGlyphForCodePoint: (cp) => cp !== 0x3a9,
    };
    expect(printableText('Ωmega', [latinGreekCyrillic, noOmega])).toBe(
      `${M}mega`,
    );
  });
});

describe('PDF font files', () => {
  it('resolves both fonts from the package', () => {
    const files = pdfFontFiles();
    expect(files.regular).toMatch(/DejaVuSans\.ttf$/);
    expect(files.bold).toMatch(/DejaVuSans-Bold\.ttf$/);
    expect(existsSync(files.regular) && existsSync(files.bold)).toBe(true);
  });

  it('comes from a production dependency, which the Docker image installs', () => {
    const pkg = JSON.parse(
      readFileSync(join(__dirname, '../../../../../package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(pkg.dependencies[PDF_FONT_PACKAGE]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
