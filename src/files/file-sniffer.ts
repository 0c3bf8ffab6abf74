import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { FileKind } from './file-kinds';
import { inflatesWithin } from './zip-inflate-limit';

/** What a refused file really is, so the message can say so ("this is a web page, not a PDF"). */
export enum RefusedType {
  Empty = 'EMPTY',
  Html = 'HTML',
  /** SVG images may carry scripts. */
  Svg = 'SVG',
  Xml = 'XML',
  Executable = 'EXECUTABLE',
  /** A ZIP that is not a Word, PowerPoint or Excel file. */
  Zip = 'ZIP',
  /** Office 97–2003 (.doc, .xls, .ppt): OLE compound files, which may carry macros. */
  Ole = 'OLE',
  Archive = 'ARCHIVE',
  /** A Word, PowerPoint or Excel file that unzips to far more than any real one (a ZIP bomb). */
  ArchiveBomb = 'ARCHIVE_BOMB',
  /** Phone photos (HEIC/HEIF, AVIF) most browsers cannot show. */
  Heic = 'HEIC',
  /** Matroska (.mkv): the container WebM is a subset of, with codecs browsers do not all play. */
  Matroska = 'MATROSKA',
  Text = 'TEXT',
  Unknown = 'UNKNOWN',
}

export type Sniffed = { kind: FileKind; refused?: undefined } | { kind: null; refused: RefusedType };

const HEAD_BYTES = 64 * 1024;
const OFFICE_KINDS = new Set([FileKind.Docx, FileKind.Pptx, FileKind.Xlsx]);
/** End-of-central-directory record: 22 bytes plus a comment of up to 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ZIP_ENTRIES = 10_000;
const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;
const MAX_LOCAL_HEADERS = 32;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

/** ISO base media brands of phone photos; every other "ftyp" file with a video brand is MP4. */
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ']);
/** QuickTime files written without an "ftyp" box start with one of these atoms. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * What a file is, by its bytes alone: PDF, Word/PowerPoint/Excel (a ZIP holding word/, ppt/ or xl/
 * and [Content_Types].xml), MP4/MOV, WebM, PNG, JPEG, GIF or WebP. Anything else — HTML, SVG,
 * executables, other ZIPs, Office 97–2003, text — is refused, and named.
 */
export async function sniffFileKind(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return { kind: null, refused: RefusedType.Empty };
    const head = await readAt(handle, 0, Math.min(size, HEAD_BYTES));
    const sniffed = (await sniffBinary(handle, head, size)) ?? sniffText(head);
    if (sniffed.kind && OFFICE_KINDS.has(sniffed.kind) && !(await inflatesWithin(path)))
      return refused(RefusedType.ArchiveBomb);
    return sniffed;
  } finally {
    await handle.close();
  }
}

async function sniffBinary(handle: FileHandle, head: Buffer, size: number): Promise<Sniffed | null> {
  const starts = (bytes: number[] | string, at = 0) => {
    const magic = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
    return head.length >= at + magic.length && head.subarray(at, at + magic.length).equals(magic);
  };
  if (starts('%PDF-')) return { kind: FileKind.Pdf };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: FileKind.Png };
  if (starts([0xff, 0xd8, 0xff])) return { kind: FileKind.Jpeg };
  if (starts('GIF87a') || starts('GIF89a')) return { kind: FileKind.Gif };
  if (starts('RIFF') && starts('WEBP', 8)) return { kind: FileKind.Webp };
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(head);
  if (starts('ftyp', 4)) return sniffIsoMedia(head.toString('latin1', 8, 12));
  if (head.length >= 8 && QUICKTIME_ATOMS.has(head.toString('latin1', 4, 8))) return { kind: FileKind.Mov };
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return sniffZip(handle, size);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return refused(RefusedType.Ole);
  const executable =
    starts('MZ') ||
    starts([0x7f, 0x45, 0x4c, 0x46]) ||
    starts([0xfe, 0xed, 0xfa, 0xce]) ||
    starts([0xfe, 0xed, 0xfa, 0xcf]) ||
    starts([0xce, 0xfa, 0xed, 0xfe]) ||
    starts([0xcf, 0xfa, 0xed, 0xfe]) ||
    starts([0xca, 0xfe, 0xba, 0xbe]) ||
    starts('#!') ||
    starts([0x00, 0x61, 0x73, 0x6d]);
  if (executable) return refused(RefusedType.Executable);
  const archive =
    starts('Rar!\x1a\x07') ||
    starts([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    starts([0x1f, 0x8b]) ||
    starts('BZh') ||
    starts([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
  if (archive) return refused(RefusedType.Archive);
  return null;
}

function sniffIsoMedia(brand: string): Sniffed {
  if (brand === 'qt  ') return { kind: FileKind.Mov };
  if (IMAGE_BRANDS.has(brand)) return refused(RefusedType.Heic);
  if (AUDIO_BRANDS.has(brand)) return refused(RefusedType.Unknown);
  return { kind: FileKind.Mp4 };
}

/**
 * An EBML file (WebM, Matroska): its header's DocType says which. The header is the first element
 * (ID 1A 45 DF A3, a size, then children, each an ID, a size and data); DocType is child 42 82.
 */
function sniffEbml(head: Buffer): Sniffed {
  const headerSize = readVint(head, 4);
  if (!headerSize) return refused(RefusedType.Unknown);
  const end = Math.min(head.length, 4 + headerSize.length + headerSize.value);
  let at = 4 + headerSize.length;
  while (at < end) {
    const id = readVint(head, at, true);
    if (!id) break;
    const size = readVint(head, at + id.length);
    if (!size) break;
    const data = at + id.length + size.length;
    if (id.value === 0x4282) {
      const docType = head.toString('latin1', data, Math.min(end, data + size.value)).replace(/\0+$/, '');
      if (docType === 'webm') return { kind: FileKind.Webm };
      if (docType === 'matroska') return refused(RefusedType.Matroska);
      return refused(RefusedType.Unknown);
    }
    at = data + size.value;
  }
  return refused(RefusedType.Unknown);
}

/** An EBML variable-length integer: its length is told by the first byte's leading zeros. */
function readVint(buffer: Buffer, at: number, keepMarker = false): { value: number; length: number } | null {
  if (at >= buffer.length) return null;
  const first = buffer[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || at + length > buffer.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + buffer[at + i];
  return { value, length };
}

/**
 * Office Open XML files are ZIPs; the entry names tell Word, PowerPoint and Excel apart. They are
 * read from the central directory at the end of the file, and from the first local headers when
 * that cannot be read (a truncated file, ZIP64).
 */
async function sniffZip(handle: FileHandle, size: number): Promise<Sniffed> {
  const names = new Set<string>();
  for (const name of await centralDirectoryNames(handle, size)) names.add(name);
  for (const name of await localHeaderNames(handle, size)) names.add(name);
  if (names.has('[Content_Types].xml')) {
    const has = (prefix: string) => [...names].some((n) => n.startsWith(prefix));
    if (has('word/')) return { kind: FileKind.Docx };
    if (has('ppt/')) return { kind: FileKind.Pptx };
    if (has('xl/')) return { kind: FileKind.Xlsx };
  }
  return refused(RefusedType.Zip);
}

async function centralDirectoryNames(handle: FileHandle, size: number): Promise<string[]> {
  const tailLength = Math.min(size, EOCD_SEARCH);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const entries = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // 0xFFFFFFFF marks ZIP64; the local headers will have to do.
  if (cdOffset === 0xffffffff || cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) return [];
  const cd = await readAt(handle, cdOffset, cdSize);
  const names: string[] = [];
  for (let at = 0, n = 0; n < Math.min(entries, MAX_ZIP_ENTRIES) && at + 46 <= cd.length; n++) {
    if (cd.readUInt32LE(at) !== SIG_CENTRAL) break;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    names.push(cd.toString('utf8', at + 46, Math.min(cd.length, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

async function localHeaderNames(handle: FileHandle, size: number): Promise<string[]> {
  const names: string[] = [];
  let at = 0;
  for (let n = 0; n < MAX_LOCAL_HEADERS && at + 30 <= size; n++) {
    const header = await readAt(handle, at, 30);
    if (header.readUInt32LE(0) !== SIG_LOCAL) break;
    const flags = header.readUInt16LE(6);
    const compressedSize = header.readUInt32LE(18);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    names.push((await readAt(handle, at + 30, nameLength)).toString('utf8'));
    // With a data descriptor (bit 3) the size is only known after the data: stop here.
    if (flags & 0x08 || compressedSize === 0xffffffff) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** Files with no binary signature: web pages, SVG and other XML, plain text. All refused. */
function sniffText(head: Buffer): Sniffed {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  const early = text.slice(0, 8192).toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe|meta|title|style|a\s|div|p[\s>])/.test(start))
    return refused(RefusedType.Html);
  if (/<svg[\s>]/.test(early)) return refused(RefusedType.Svg);
  if (/<(script|html|iframe)[\s>]/.test(early)) return refused(RefusedType.Html);
  if (start.startsWith('<?xml')) return refused(RefusedType.Xml);
  if (head.includes(0)) return refused(RefusedType.Unknown);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
    return refused(RefusedType.Text);
  } catch {
    return refused(RefusedType.Unknown);
  }
}

/** The head may end inside a multi-byte character; stop before it. */
function lastCompleteUtf8(buffer: Buffer): number {
  let end = buffer.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = buffer[end - i];
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= i;
    break;
  }
  return end;
}

function refused(type: RefusedType): Sniffed {
  return { kind: null, refused: type };
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
