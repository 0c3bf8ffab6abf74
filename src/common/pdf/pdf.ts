import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { Locale } from '../i18n/messages';

/**
 * PDFs in Vietnamese: pdfkit's built-in fonts cannot draw Vietnamese letters, so every document
 * embeds Be Vietnam Pro (SIL Open Font License), regular and bold, as the fonts 'regular' and 'bold'.
 */
export const PDF_FONTS = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
} as const;

export type PdfFont = keyof typeof PDF_FONTS;

/**
 * Characters Be Vietnam Pro has no glyph for, and what a PDF writes instead: pdfkit would draw
 * nothing at all ("Đơn vị cũ  đơn vị mới"). pdf.spec.ts checks every text of the message catalog
 * against the font, so a new character the font lacks is found there, not on paper.
 */
const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '⇒': '=>',
};
const MISSING_GLYPHS = new RegExp(`[${Object.keys(SUBSTITUTES).join('')}]`, 'gu');

/** The text as the PDF's fonts can draw it. */
export function pdfText(text: string): string {
  return text.replace(MISSING_GLYPHS, (ch) => SUBSTITUTES[ch]);
}

/**
 * Certificates are official papers and are printed in Vietnamese whatever language the reader
 * chose for the pages; their texts are in the message catalog with the English beside them.
 */
export const CERTIFICATE_LOCALE: Locale = 'vi';
export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  size?: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
  /** Document properties, shown by PDF readers. */
  info?: { Title?: string; Author?: string; Subject?: string };
}

/** Draws a document and returns its bytes. */
export async function renderPdf(
  options: PdfOptions,
  draw: (doc: Pdf) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 48,
    info: { Creator: 'hoctap', ...options.info },
    bufferPages: false,
  });
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
  doc.font('regular');
  drawableText(doc);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return finished;
}

/** A QR code as a PNG, for doc.image(); medium error correction survives a creased printout. */
export function qrPng(text: string, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width });
}

/** Every text drawn or measured goes through pdfText, so a missing glyph is never silently dropped. */
function drawableText(doc: Pdf): void {
  const text = doc.text.bind(doc) as (...args: unknown[]) => Pdf;
  const heightOf = doc.heightOfString.bind(doc);
  const widthOf = doc.widthOfString.bind(doc);
  const safe = (value: unknown) => (typeof value === 'string' ? pdfText(value) : value);
  doc.text = ((value: unknown, ...rest: unknown[]) => text(safe(value), ...rest)) as Pdf['text'];
  doc.heightOfString = ((value: string, options?: PDFKit.Mixins.TextOptions) =>
    heightOf(pdfText(value), options)) as Pdf['heightOfString'];
  doc.widthOfString = ((value: string, options?: PDFKit.Mixins.TextOptions) =>
    widthOf(pdfText(value), options)) as Pdf['widthOfString'];
}
