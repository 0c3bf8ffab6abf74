import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { FormError } from '../../common/errors/form-error';
import { inflatesWithin } from '../../files/zip-inflate-limit';
import { SpreadsheetKind } from './spreadsheet-reader';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** PDF, PNG, JPEG, GIF: files people pick by mistake. */
const OTHER_MAGIC = [
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from('GIF8'),
];

/**
 * What the file really is, by its bytes rather than its name: XLSX is a ZIP ("PK\x03\x04"); CSV must
 * be UTF-8 text. Old .xls files and CSV saved in a legacy code page get their own messages.
 */
export async function detectSpreadsheetKind(path: string, size: number): Promise<SpreadsheetKind> {
  if (size === 0) throw FormError.field('file', 'import.upload.empty');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 4096));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    // Unzipped by the import job: a decompression bomb is refused here, before it is queued.
    if (!(await inflatesWithin(path))) throw FormError.field('file', 'import.upload.bomb');
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(OLE_MAGIC)) throw FormError.field('file', 'import.upload.xls');
  // Text has no NUL bytes; images, PDFs and other binaries do, early on.
  if (head.includes(0) || OTHER_MAGIC.some((magic) => head.subarray(0, magic.length).equals(magic)))
    throw FormError.field('file', 'import.upload.type');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text.includes('\u0000')) throw FormError.field('file', 'import.upload.type');
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof FormError) throw error;
    throw FormError.field('file', 'import.upload.notUtf8');
  }
  return 'csv';
}
