import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { Pdf, renderPdf } from '../common/pdf/pdf';
import { ScreenTable } from '../indicators/dashboard/dashboard.presenters';

/**
 * A4 documents of the reports and stocktakes, drawn from the same screen tables as the pages (so the
 * PDF carries the page's numbers, formatted the same way).
 */

const PAGE_MARGIN = 36;

export interface PdfSection {
  heading: string;
  /** Paragraphs of text (a narrative, a note). */
  paragraphs?: string[];
  table?: ScreenTable;
  /** A bulleted list. */
  items?: string[];
}

export interface PdfDocument {
  title: string;
  subtitle: string[];
  sections: PdfSection[];
}

export function renderReportPdf(locale: Locale, document: PdfDocument): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      layout: 'landscape',
      margin: PAGE_MARGIN,
      info: { Title: document.title, Author: 'hoctap' },
    },
    (doc) => {
      doc.font('bold').fontSize(15).text(document.title, { align: 'center' });
      doc.moveDown(0.3);
      doc.font('regular').fontSize(10);
      for (const line of document.subtitle) doc.text(line, { align: 'center' });
      doc.moveDown(0.8);
      for (const section of document.sections) {
        ensureSpace(doc, 60);
        doc.font('bold').fontSize(12).text(section.heading);
        doc.moveDown(0.3);
        doc.font('regular').fontSize(10);
        for (const p of section.paragraphs ?? []) {
          doc.text(p || translate(locale, 'reports.empty'));
          doc.moveDown(0.3);
        }
        for (const item of section.items ?? []) doc.text(`• ${item}`);
        if (section.table) drawTable(doc, section.table);
        doc.moveDown(0.8);
      }
    },
  );
}

function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - PAGE_MARGIN) doc.addPage();
}

/** A table that fits the page width: the first column wider, numbers right-aligned, header repeated on new pages. */
function drawTable(doc: Pdf, table: ScreenTable): void {
  const left = PAGE_MARGIN;
  const width = doc.page.width - 2 * PAGE_MARGIN;
  const count = table.headers.length;
  const firstShare = count > 6 ? 0.16 : 0.3;
  const first = width * firstShare;
  const other = (width - first) / Math.max(1, count - 1);
  const widths = table.headers.map((_, i) => (i === 0 ? first : other));
  const fontSize = count > 10 ? 6.5 : 8.5;
  const pad = 2;

  const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], numeric: boolean[], font: 'regular' | 'bold', shade: boolean) => {
    const height = rowHeight(cells, font);
    if (doc.y + height > doc.page.height - PAGE_MARGIN) {
      doc.addPage();
      drawHeader();
    }
    const top = doc.y;
    if (shade) doc.rect(left, top, width, height).fill('#eef2f6').fillColor('black');
    let x = left;
    cells.forEach((cell, i) => {
      doc
        .font(font)
        .fontSize(fontSize)
        .text(cell, x + pad, top + pad, {
          width: widths[i] - 2 * pad,
          align: numeric[i] ? 'right' : 'left',
        });
      x += widths[i];
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const drawHeader = () =>
    drawRow(
      table.headers.map((h) => h.label),
      table.headers.map((h) => h.numeric),
      'bold',
      true,
    );

  drawHeader();
  for (const row of table.rows) {
    drawRow(
      row.cells.map((c) => c.text),
      row.cells.map((c) => c.numeric),
      row.strong ? 'bold' : 'regular',
      false,
    );
  }
  doc.x = left;
}
