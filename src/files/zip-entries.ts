import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The most an Office file (DOCX, PPTX, XLSX) may hold once unzipped, all entries together. Real
 * documents stay far below (an XLSX of 100,000 roster rows unzips to about 60 MB); a decompression
 * bomb — a few hundred kB that inflate to gigabytes — is refused before anything reads it whole.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;
const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;
const ZIP64 = 0xffffffff;

export const STORED = 0;
export const DEFLATED = 8;

/** One file of a ZIP, where its data starts and how it is compressed. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** More was inflated than the budget allows: the file is a decompression bomb. */
export class ZipBombError extends Error {
  constructor() {
    super('ZIP inflates past its limit');
    this.name = 'ZipBombError';
  }
}

/** The bytes inflated from one file so far, over all its entries, against one limit. */
export class InflateBudget {
  used = 0;
  constructor(readonly max = MAX_INFLATED_BYTES) {}
}

/**
 * The entries as the central directory lists them, each checked against its local header (its
 * signature and name, its data inside the file before the directory). Null when there is no
 * central directory or it disagrees with the file anywhere: such a ZIP is not read, only counted
 * (inflatesWithin walks its local headers).
 */
export async function centralEntries(path: string): Promise<ZipEntry[] | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    const eocdAt = size - tailLength + eocd;
    if (directorySize > MAX_CENTRAL_DIRECTORY || directoryOffset + directorySize > eocdAt) return null;
    const directory = await read(directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    while (entries.length < Math.min(count, MAX_ENTRIES)) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== SIG_CENTRAL) return null;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const end = at + 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
      if (end > directory.length) return null;
      const name = directory.subarray(at + 46, at + 46 + nameLength);
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      const sizes = zip64Sizes(
        extra,
        directory.readUInt32LE(at + 24),
        directory.readUInt32LE(at + 20),
        directory.readUInt32LE(at + 42),
      );
      if (!sizes) return null;
      const local = await read(sizes.headerOffset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== SIG_LOCAL) return null;
      const localName = await read(sizes.headerOffset + 30, local.readUInt16LE(26));
      if (!localName.equals(name)) return null;
      const dataStart = sizes.headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + sizes.compressedSize > directoryOffset) return null;
      entries.push({
        name: name.toString('utf8'),
        method: directory.readUInt16LE(at + 10),
        compressedSize: sizes.compressedSize,
        dataStart,
      });
      at = end;
    }
    return entries.length === count ? entries : null;
  } finally {
    await file.close();
  }
}

/** Sizes and offset of a central entry, from its ZIP64 extra field where it says 0xFFFFFFFF. */
function zip64Sizes(
  extra: Buffer,
  uncompressed: number,
  compressedSize: number,
  headerOffset: number,
): { compressedSize: number; headerOffset: number } | null {
  if (uncompressed !== ZIP64 && compressedSize !== ZIP64 && headerOffset !== ZIP64)
    return { compressedSize, headerOffset };
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      // The 64-bit values follow in this order, each only if its 32-bit field is 0xFFFFFFFF.
      const values = [uncompressed, compressedSize, headerOffset];
      let next = at + 4;
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== ZIP64) continue;
        if (next + 8 > at + 4 + length || next + 8 > extra.length) return null;
        values[i] = Number(extra.readBigUInt64LE(next));
        next += 8;
      }
      return { compressedSize: values[1], headerOffset: values[2] };
    }
    at += 4 + length;
  }
  return null;
}

/**
 * The inflated bytes of one entry, as a stream that fails with ZipBombError as soon as the budget
 * (shared by every entry read from the same file) is exceeded: the limit holds on what is really
 * inflated, whatever sizes the ZIP declares. `onRead` hears of the compressed bytes as they are read.
 * Destroying the stream closes the file.
 */
export function inflateEntry(
  path: string,
  entry: ZipEntry,
  budget: InflateBudget,
  onRead?: (compressedBytes: number) => void,
): Readable {
  if (entry.method !== STORED && entry.method !== DEFLATED)
    return failed(new Error(`unsupported ZIP compression method ${entry.method}`));
  if (entry.compressedSize === 0)
    return entry.method === STORED ? Readable.from([]) : failed(new Error('empty deflate data'));
  const source = createReadStream(path, {
    start: entry.dataStart,
    end: entry.dataStart + entry.compressedSize - 1,
    // Small reads keep `onRead` fine-grained: a 10,000-row sheet is about 0.5 MB compressed.
    highWaterMark: 16 * 1024,
  });
  if (onRead) source.on('data', (chunk) => onRead(chunk.length));
  const counter = countingTransform(budget);
  const done = () => undefined;
  return entry.method === DEFLATED
    ? pipeline(source, createInflateRaw(), counter, done)
    : pipeline(source, counter, done);
}

/** Passes bytes on while they fit the budget; fails with ZipBombError at the first that does not. */
export function countingTransform(budget: InflateBudget): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      budget.used += chunk.length;
      if (budget.used > budget.max) callback(new ZipBombError());
      else callback(null, chunk);
    },
  });
}

function failed(error: Error): Readable {
  return new Readable({
    read() {
      this.destroy(error);
    },
  });
}

/**
 * Inflates, counts and discards every entry reachable by walking local headers from the start of
 * the file, as a streaming unzipper would meet them; for a ZIP without a usable central directory.
 * Deflated data is inflated to the end of its deflate stream, whatever size the header gives, and
 * the next header is looked for where that stream really ended. Fails with ZipBombError past the
 * budget; stops quietly at anything it cannot walk.
 */
export async function drainLocalEntries(path: string, budget: InflateBudget): Promise<void> {
  const file = await open(path, 'r');
  let size: number;
  const header = Buffer.alloc(30);
  try {
    size = (await file.stat()).size;
    let at = 0;
    for (let n = 0; n < MAX_ENTRIES && at + 30 <= size; n++) {
      await file.read(header, 0, 30, at);
      if (header.readUInt32LE(0) !== SIG_LOCAL) return;
      const flags = header.readUInt16LE(6);
      const method = header.readUInt16LE(8);
      const declared = header.readUInt32LE(18);
      const dataStart = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      let consumed: number;
      if (method === DEFLATED) {
        consumed = await drainDeflate(path, dataStart, budget);
        if (consumed < 0) return;
      } else {
        // Stored (or unknown) data counts as it is; without a size, as all the rest of the file.
        const unknown = (flags & 0x08) !== 0 && declared === 0;
        consumed = unknown || declared === ZIP64 ? size - dataStart : declared;
        budget.used += consumed;
        if (budget.used > budget.max) throw new ZipBombError();
        if (unknown) return;
      }
      at = dataStart + consumed;
      if (flags & 0x08) {
        // Data descriptor: CRC and sizes, with or without its own signature.
        await file.read(header, 0, 4, at);
        at += header.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
      }
    }
  } finally {
    await file.close();
  }
}

/** Inflates a deflate stream starting at `start`; the compressed bytes it took, or -1 if corrupt. */
async function drainDeflate(path: string, start: number, budget: InflateBudget): Promise<number> {
  const source = createReadStream(path, { start, highWaterMark: 64 * 1024 });
  const inflate = createInflateRaw();
  const counted = pipeline(source, inflate, countingTransform(budget), () => undefined);
  try {
    await discard(counted);
    // bytesWritten is what zlib consumed, which ends with the deflate stream, not the file.
    return inflate.bytesWritten;
  } catch (error) {
    if (error instanceof ZipBombError) throw error;
    return -1;
  } finally {
    source.destroy();
    counted.destroy();
  }
}

/** Reads a stream to its end, keeping nothing; rejects with its error. */
export async function discard(stream: Readable): Promise<void> {
  try {
    for await (const chunk of stream as AsyncIterable<unknown>) void chunk;
  } finally {
    stream.destroy();
  }
}
