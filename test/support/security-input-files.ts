import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Bad files for the upload tests, built in memory: decompression bombs (an Office ZIP whose one
 * part inflates to hundreds of MB) and look-alikes. Good files come from test/support/sample-files.
 */

const MB = 1024 * 1024;

interface RawEntry {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  crc: number;
  /** What the ZIP says the entry inflates to; a lying bomb says little. */
  declaredSize: number;
}

interface ZipLayout {
  /** "none": local headers and data only; "truncated": the directory lists only the first entry. */
  directory?: 'full' | 'none' | 'truncated';
  /** Sizes and CRC left out of the local headers (bit 3) and put in data descriptors after the data. */
  descriptors?: boolean;
}

function zipOf(entries: RawEntry[], layout: ZipLayout = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(layout.descriptors ? 0x0808 : 0x0800, 6);
    local.writeUInt16LE(8, 8);
    if (!layout.descriptors) {
      local.writeUInt32LE(entry.crc, 14);
      local.writeUInt32LE(entry.data.length, 18);
      local.writeUInt32LE(entry.declaredSize, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const descriptor = Buffer.alloc(layout.descriptors ? 16 : 0);
    if (layout.descriptors) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc, 4);
      descriptor.writeUInt32LE(entry.data.length, 8);
      descriptor.writeUInt32LE(entry.declaredSize, 12);
    }
    const bytes = Buffer.concat([local, name, entry.data, descriptor]);
    locals.push(bytes);
    if (layout.directory !== 'truncated' || centrals.length === 0) centrals.push(central, name);
    offset += bytes.length;
  }
  if (layout.directory === 'none') return Buffer.concat(locals);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function deflated(name: string, content: string): RawEntry {
  const data = Buffer.from(content, 'utf8');
  return { name, data: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
}

/**
 * `megabytes` MB of one repeated byte as raw deflate, without ever holding them: one flushed 1 MB
 * block repeated, then an empty final block. About 1 kB per MB.
 */
function bombEntry(name: string, megabytes: number, fill: string, lie: boolean): RawEntry {
  const chunk = Buffer.alloc(MB, fill);
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const final = Buffer.from([0x03, 0x00]);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  return {
    name,
    data: Buffer.concat([...Array.from({ length: megabytes }, () => block), final]),
    crc,
    declaredSize: lie ? 1024 : megabytes * MB,
  };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** A "DOCX" whose document part inflates to `megabytes` MB of spaces (honest or lying sizes). */
export function docxBomb(megabytes = 512, lie = false): Buffer {
  return zipOf([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('word/_rels/document.xml.rels', '<Relationships/>'),
    bombEntry('word/document.xml', megabytes, ' ', lie),
  ]);
}

/** An "XLSX" whose first sheet and shared strings inflate to `megabytes` MB between them. */
export function xlsxBomb(megabytes = 512, lie = false): Buffer {
  return zipOf([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated('xl/_rels/workbook.xml.rels', '<Relationships/>'),
    bombEntry('xl/sharedStrings.xml', megabytes / 2, 'A', lie),
    bombEntry('xl/worksheets/sheet1.xml', megabytes / 2, ' ', lie),
  ]);
}

/**
 * An "XLSX" whose worksheet inflates to `megabytes` MB of zeros, laid out to slip past a check that
 * reads only the central directory: without one at all (local headers and data, as a streaming
 * unzipper still reads them), with one cut short after its first entry, or without one and with no
 * sizes in the local headers either (data descriptors).
 */
export function xlsxBombWithoutDirectory(
  megabytes = 300,
  layout: 'none' | 'truncated' | 'descriptors' = 'none',
): Buffer {
  return zipOf(
    [
      deflated('[Content_Types].xml', CONTENT_TYPES),
      deflated(
        'xl/workbook.xml',
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      deflated('xl/_rels/workbook.xml.rels', '<Relationships/>'),
      bombEntry('xl/worksheets/sheet1.xml', megabytes, '\0', false),
    ],
    layout === 'descriptors'
      ? { directory: 'none', descriptors: true }
      : { directory: layout === 'truncated' ? 'truncated' : 'none' },
  );
}

/**
 * An "XLSX" whose worksheet is well-formed XML that inflates to `megabytes` MB: blanks inside its
 * <sheetData> tag, which an XML parser skips without keeping, so only a limit on the bytes inflated
 * stops a reader. With `lie`, the ZIP claims the sheet inflates to 1 kB.
 */
export function xlsxSheetBomb(megabytes = 300, lie = true): Buffer {
  const head = deflateRawSync(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData',
    { finishFlush: constants.Z_FULL_FLUSH },
  );
  const blanks = bombEntry('', megabytes, ' ', lie);
  const tail = deflateRawSync('/></worksheet>');
  const sheet: RawEntry = {
    name: 'xl/worksheets/sheet1.xml',
    // Separately compressed pieces of raw deflate, each ending on a byte boundary, join into one stream.
    data: Buffer.concat([head, blanks.data.subarray(0, blanks.data.length - 2), tail]),
    crc: 0,
    declaredSize: blanks.declaredSize,
  };
  return zipOf([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated('xl/_rels/workbook.xml.rels', '<Relationships/>'),
    sheet,
  ]);
}

/** A file of exactly `size` bytes that starts with the given magic bytes. */
export function padded(magic: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size, 0x20);
  magic.copy(out, 0);
  return out;
}
