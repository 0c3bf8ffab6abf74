import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { FormError } from '../common/errors/form-error';
import { cleanFileName, FileUploadInterceptor, TempUpload, tempUpload } from '../files/file-upload';
import { inflatesWithin } from '../files/zip-inflate-limit';
import { RosterFileKind } from './entities/roster-import.entity';

/** Where roster files live, under the upload directory. */
export const ROSTER_UPLOAD_DIR = 'roster';

/** An uploaded roster as stored on disk: a random name, its size and SHA-256. */
export type StoredUpload = TempUpload;

/**
 * Receives one roster file from a multipart form (field "file"), within the configured size, into
 * the roster directory (the import keeps it there under its random name). Limits and malformed
 * uploads become form errors worded for rosters. Put it above @FormView so that FormView's
 * interceptor wraps it and renders those errors.
 */
export const RosterUploadInterceptor = FileUploadInterceptor({
  field: 'file',
  dir: ROSTER_UPLOAD_DIR,
  messages: { tooLarge: 'roster.upload.tooLarge', invalid: 'roster.upload.invalid' },
});

/** The stored upload of a request that went through RosterUploadInterceptor, if a file was sent. */
export function storedUpload(file: Express.Multer.File | undefined): StoredUpload | undefined {
  const upload = tempUpload(file);
  return upload && { ...upload, originalName: cleanFileName(file?.originalname, 'roster') };
}

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
export async function detectRosterKind(path: string, size: number): Promise<RosterFileKind> {
  if (size === 0) throw FormError.field('file', 'roster.upload.empty');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 4096));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    // Unzipped by the import job: a decompression bomb is refused here, before it is queued.
    if (!(await inflatesWithin(path))) throw FormError.field('file', 'roster.upload.bomb');
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(OLE_MAGIC)) throw FormError.field('file', 'roster.upload.xls');
  // Text has no NUL bytes; images, PDFs and other binaries do, early on.
  if (head.includes(0) || OTHER_MAGIC.some((magic) => head.subarray(0, magic.length).equals(magic)))
    throw FormError.field('file', 'roster.upload.type');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text.includes('\u0000')) throw FormError.field('file', 'roster.upload.type');
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof FormError) throw error;
    throw FormError.field('file', 'roster.upload.notUtf8');
  }
  return 'csv';
}
