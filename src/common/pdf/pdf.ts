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
