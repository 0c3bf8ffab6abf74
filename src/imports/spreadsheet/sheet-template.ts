import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { ColumnSpec } from './columns';

/** What a downloadable template holds: its columns in order, an example row, and how to fill each. */
export interface SheetTemplate<F extends string> {
  sheetName: string;
  columns: readonly ColumnSpec<F>[];
  example: Record<F, string>;
  notes: Record<F, string>;
  /** The help sheet's last line: what a row is and what importing again does. */
  footer: string;
}

/**
 * A template workbook: one sheet per template with Vietnamese headers, one example row and text
 * cells (Excel keeps the leading zero of a CCCD or a tax code), then a help sheet naming how to
 * fill each column of each sheet.
 */
export async function writeSheetTemplate(
  output: Writable,
  ...templates: SheetTemplate<string>[]
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoctap';
  for (const template of templates) {
    const sheet = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: 'STT', key: 'no', width: 6 },
      ...template.columns.map((c) => ({
        header: c.header,
        key: c.field,
        width: Math.max(16, c.header.length + 6),
        style: { numFmt: '@' },
      })),
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.addRow({ no: 1, ...template.example });
  }
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'column', width: 24 },
    { header: 'Cách ghi', key: 'note', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const template of templates) {
    if (templates.length > 1) help.addRow({ column: template.sheetName }).font = { bold: true };
    for (const c of template.columns)
      help.addRow({ column: c.header, note: (template.notes as Record<string, string>)[c.field] });
    help.addRow({ column: 'Lưu ý', note: template.footer });
    help.addRow({});
  }
  await workbook.xlsx.write(output);
}
