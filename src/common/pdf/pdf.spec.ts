import '../../messages';
import { messageKeys, translate } from '../i18n/i18n';
import { PDF_FONTS, pdfText, renderPdf } from './pdf';

// fontkit is what pdfkit reads fonts with; the test asks it which characters have a glyph.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as {
  openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
};

describe('PDF text', () => {
  const fonts = Object.entries(PDF_FONTS).map(([name, file]) => ({ name, font: fontkit.openSync(file) }));
  const undrawable = (text: string) =>
    fonts.flatMap(({ name, font }) =>
      [...text]
        .filter((ch) => ch !== '\n' && !font.hasGlyphForCodePoint(ch.codePointAt(0)!))
        .map((ch) => `${name} lacks ${JSON.stringify(ch)}`),
    );

  it('writes an arrow the font cannot draw as one it can', () => {
    expect(pdfText('Đơn vị cũ → đơn vị mới')).toBe('Đơn vị cũ -> đơn vị mới');
    expect(undrawable(pdfText('→ ← ⇒'))).toEqual([]);
    expect(undrawable('→')).not.toEqual([]);
  });

  it('can draw every text of the message catalog, in Vietnamese and English', () => {
    const missing = messageKeys().flatMap((key) =>
      (['vi', 'en'] as const).flatMap((locale) =>
        undrawable(pdfText(translate(locale, key))).map((problem) => `${key} (${locale}): ${problem}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('draws and measures through the substitution', async () => {
    let measured = 0;
    let plain = 0;
    await renderPdf({}, (doc) => {
      measured = doc.widthOfString('A → B');
      plain = doc.widthOfString('A -> B');
      doc.text('A → B');
    });
    expect(measured).toBe(plain);
  });
});
