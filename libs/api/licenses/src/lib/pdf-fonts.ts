import { createRequire } from 'node:module';

/**
 * The fonts of the PDFs the API writes. pdfkit's built-in fonts (Helvetica) encode WinAnsi only, so
 * any name outside Latin-1 (Łódź, Nguyễn, Ωmega) came out garbled, and so did the text after it.
 * DejaVu Sans covers Latin (Vietnamese included), Greek and Cyrillic; pdfkit embeds only the glyphs
 * a document uses.
 *
 * The files are read from the `dejavu-fonts-ttf` package at run time, in the tests and in the built
 * API alike, so it must stay a production dependency: the Docker image installs only those.
 */
export const PDF_FONT_PACKAGE = 'dejavu-fonts-ttf';

export interface PdfFontFiles {
  regular: string;
  bold: string;
}

let files: PdfFontFiles | undefined;

export function pdfFontFiles(): PdfFontFiles {
  files ??= {
    regular: fontFile('DejaVuSans.ttf'),
    bold: fontFile('DejaVuSans-Bold.ttf'),
  };
  return files;
}

function fontFile(name: string): string {
  // createRequire, not require.resolve: webpack rewrites require.resolve into a module id in the
  // bundled API. Resolved from this file, so it works whatever the working directory.
  return createRequire(__filename).resolve(`${PDF_FONT_PACKAGE}/ttf/${name}`);
}

/** What a font says about its coverage (fontkit's font, which pdfkit keeps for an embedded font). */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Shown in place of a character that no font of the document can draw (CJK, most emoji). */
export const MISSING_GLYPH = '\uFFFD';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * The text with every user-perceived character (grapheme) that one of the fonts lacks replaced by
 * {@link MISSING_GLYPH}, so the reader sees that something was there and every other character,
 * before and after it, prints as written. Invisible joiners and variation selectors the font lacks
 * are dropped rather than replaced (`❤️` prints as `❤`). Text is NFC-normalised first, so decomposed
 * Vietnamese uses the font's precomposed letters.
 */
export function printableText(text: string, fonts: GlyphCoverage[]): string {
  const has = (ch: string) =>
    fonts.every((f) => f.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
  let out = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const chars = [...segment];
    if (chars.every((ch) => has(ch) || IGNORABLE.test(ch))) {
      out += chars.filter((ch) => has(ch) || /\p{Cc}/u.test(ch)).join('');
    } else out += MISSING_GLYPH;
  }
  return out;
}
