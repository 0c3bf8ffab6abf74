import { crc32, deflateSync } from 'node:zlib';

/**
 * Small real files of every kind the upload store meets, built in memory: what an upload check is
 * tested against. Office files are genuine ZIPs with the entry names Word, PowerPoint and Excel write.
 */

/** A ZIP with the given entries, stored or deflated, optionally with data descriptors (as many writers do). */
export function zip(
  entries: Record<string, string | Buffer>,
  options: { descriptors?: boolean } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const raw = deflateRaw(data);
    const useDeflate = raw.length < data.length;
    const body = useDeflate ? raw : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const flags = 0x0800 | (options.descriptors ? 0x08 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt32LE(options.descriptors ? 0 : crc, 14);
    local.writeUInt32LE(options.descriptors ? 0 : body.length, 18);
    local.writeUInt32LE(options.descriptors ? 0 : data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const parts = [local, nameBytes, body];
    if (options.descriptors) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      parts.push(descriptor);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    const entry = Buffer.concat(parts);
    locals.push(entry);
    offset += entry.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function deflateRaw(data: Buffer): Buffer {
  // zlib framing is 2 bytes of header and 4 of checksum around the raw deflate stream.
  const framed = deflateSync(data, { level: 9 });
  return framed.subarray(2, framed.length - 4);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}" ContentType="application/xml"/></Types>`;
const RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

export const samples = {
  /** A complete one-page PDF with a line of Vietnamese text. */
  pdf(): Buffer {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      null,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const stream = 'BT /F1 18 Tf 24 72 Td (Hoc tap suot doi) Tj ET';
    objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
    const offsets: number[] = [];
    objects.forEach((object, i) => {
      offsets.push(Buffer.byteLength(body, 'latin1'));
      body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = Buffer.byteLength(body, 'latin1');
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(body, 'latin1');
  },

  /** A real PNG (2×2, one colour), optionally padded to an exact size with a private chunk. */
  png(totalBytes?: number): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(typed));
      return Buffer.concat([length, typed, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(2, 0);
    header.writeUInt32BE(2, 4);
    header.writeUInt8(8, 8); // bit depth
    header.writeUInt8(2, 9); // truecolour
    const rows = Buffer.from([0, 11, 92, 173, 11, 92, 173, 0, 11, 92, 173, 11, 92, 173]);
    const parts = [
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
    ];
    const end = chunk('IEND', Buffer.alloc(0));
    const size = parts.reduce((n, p) => n + p.length, 0) + end.length;
    if (totalBytes !== undefined && totalBytes > size) {
      // An ancillary private chunk ("hoCt") that viewers skip: 12 bytes of framing plus the padding.
      parts.push(chunk('hoCt', Buffer.alloc(Math.max(0, totalBytes - size - 12))));
    }
    return Buffer.concat([...parts, end]);
  },

  /** A 2×2 JPEG as Chromium's canvas writes it. */
  jpeg(): Buffer {
    return Buffer.from(
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABv/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJ2AfBL/2Q==',
      'base64',
    );
  },

  gif(): Buffer {
    return Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
  },

  /** A 1×1 lossless WebP. */
  webp(): Buffer {
    return Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
  },

  /** The start of an MP4: an "ftyp" box (brand isom) and an empty "mdat". */
  mp4(brand = 'isom'): Buffer {
    const ftyp = Buffer.alloc(32);
    ftyp.writeUInt32BE(32, 0);
    ftyp.write('ftyp', 4, 'latin1');
    ftyp.write(brand, 8, 'latin1');
    ftyp.writeUInt32BE(0x200, 12);
    ftyp.write('isomiso2avc1mp41', 16, 'latin1');
    const mdat = Buffer.alloc(16);
    mdat.writeUInt32BE(16, 0);
    mdat.write('mdat', 4, 'latin1');
    return Buffer.concat([ftyp, mdat]);
  },

  mov(): Buffer {
    return samples.mp4('qt  ');
  },

  /**
   * The start of a WebM (or, with docType "matroska", an MKV): the EBML header as muxers write it
   * (version, read version, ID and size lengths, DocType and its versions), then a Segment.
   */
  webm(docType = 'webm'): Buffer {
    const element = (id: number[], data: Buffer) =>
      Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
    const uint = (n: number) => Buffer.from([n]);
    const header = Buffer.concat([
      element([0x42, 0x86], uint(1)),
      element([0x42, 0xf7], uint(1)),
      element([0x42, 0xf2], uint(4)),
      element([0x42, 0xf3], uint(8)),
      element([0x42, 0x82], Buffer.from(docType, 'latin1')),
      element([0x42, 0x87], uint(4)),
      element([0x42, 0x85], uint(2)),
    ]);
    const segment = Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    return Buffer.concat([element([0x1a, 0x45, 0xdf, 0xa3], header), segment]);
  },

  heic(): Buffer {
    return samples.mp4('heic');
  },

  docx(options: { descriptors?: boolean } = {}): Buffer {
    return zip(
      {
        '[Content_Types].xml': CONTENT_TYPES('/word/document.xml'),
        '_rels/.rels': RELS('word/document.xml'),
        'word/document.xml':
          '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bộ luật Lao động 2019</w:t></w:r></w:p></w:body></w:document>',
      },
      options,
    );
  },

  pptx(): Buffer {
    return zip({
      '[Content_Types].xml': CONTENT_TYPES('/ppt/presentation.xml'),
      '_rels/.rels': RELS('ppt/presentation.xml'),
      'ppt/presentation.xml':
        '<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
      'ppt/slides/slide1.xml':
        '<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    });
  },

  xlsx(): Buffer {
    return zip({
      '[Content_Types].xml': CONTENT_TYPES('/xl/workbook.xml'),
      '_rels/.rels': RELS('xl/workbook.xml'),
      'xl/workbook.xml':
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    });
  },

  /** A plain ZIP of photos: not an Office file. */
  zip(): Buffer {
    return zip({ 'anh/1.png': samples.png(), 'ghi-chu.txt': 'Ảnh buổi học' });
  },

  /** An OpenDocument text: a ZIP, but not one of the accepted Office kinds. */
  odt(): Buffer {
    return zip({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': '<?xml version="1.0"?><office:document-content/>',
    });
  },

  html(): Buffer {
    return Buffer.from(
      '\uFEFF  <!DOCTYPE html>\n<html><head><title>Bài học</title></head><body><script>alert(document.cookie)</script></body></html>',
      'utf8',
    );
  },

  /** An HTML fragment with no doctype, as a "saved page" often is. */
  htmlFragment(): Buffer {
    return Buffer.from(
      'Xin chào\n<div onclick="x()">bài học</div>\n<script src="//evil.example/x.js"></script>',
      'utf8',
    );
  },

  svg(): Buffer {
    return Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
      'utf8',
    );
  },

  /** The start of a Windows program. */
  exe(): Buffer {
    const header = Buffer.alloc(128);
    header.write('MZ', 0, 'latin1');
    header.writeUInt32LE(64, 60);
    header.write('PE\0\0', 64, 'latin1');
    return header;
  },

  elf(): Buffer {
    return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
  },

  shellScript(): Buffer {
    return Buffer.from('#!/bin/sh\nrm -rf /\n', 'utf8');
  },

  /** The start of a Word 97–2003 document (an OLE compound file). */
  doc(): Buffer {
    return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  },

  rar(): Buffer {
    return Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(32)]);
  },

  text(): Buffer {
    return Buffer.from('Ghi chú buổi học: an toàn lao động.\n', 'utf8');
  },
};

type SheetCell = string | number | null;

/**
 * An XLSX laid out as Excel saves one: the worksheets come before the shared strings (so a reader
 * streaming the ZIP in order must set each sheet aside until it has the strings), and every text
 * cell is a shared string. `sheets` holds each worksheet's rows. With `brokenAfter`, the first
 * sheet's XML stops mid-element after that many rows, as in a damaged file.
 */
export function xlsxOf(sheets: SheetCell[][][], options: { brokenAfter?: number } = {}): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cell = (value: SheetCell, ref: string) => {
    if (value === null) return '';
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (!index.has(value)) index.set(value, strings.push(value) - 1);
    return `<c r="${ref}" t="s"><v>${index.get(value)}</v></c>`;
  };
  const sheetXml = (rows: SheetCell[][], brokenAfter?: number) => {
    const body = rows.map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => cell(v, `${String.fromCharCode(65 + c)}${r + 1}`)).join('')}</row>`,
    );
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${SML}"><sheetData>`;
    if (brokenAfter !== undefined)
      return `${head}${body.slice(0, brokenAfter).join('')}<row></x></worksheet>`;
    return `${head}${body.join('')}</sheetData></worksheet>`;
  };
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES('/xl/workbook.xml'),
    '_rels/.rels': RELS('xl/workbook.xml'),
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${SML}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((_, i) => `<sheet name="Trang ${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
  };
  sheets.forEach((rows, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(rows, i === 0 ? options.brokenAfter : undefined);
  });
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${SML}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`)
    .join('')}</sst>`;
  return zip(parts);
}

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
