import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
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

/**
 * True when the ZIP's entries inflate to at most `maxBytes` in all. The bytes are really inflated
 * (streamed and counted, never kept), because the sizes a ZIP declares can lie; it stops at the
 * first byte over the limit. A ZIP it cannot walk counts as within: the readers refuse it later.
 */
export async function inflatesWithin(path: string, maxBytes = MAX_INFLATED_BYTES): Promise<boolean> {
  const entries = await centralEntries(path).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const start = entry.dataStart;
    if (entry.compressedSize === 0) continue;
    const source = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
    if (entry.method !== 8) {
      total += entry.compressedSize;
      source.destroy();
      if (total > maxBytes) return false;
      continue;
    }
    const inflate = createInflateRaw();
    source.pipe(inflate);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) return false;
      }
    } catch {
      // Corrupt data: the reader of the file will say it cannot read it.
    } finally {
      source.destroy();
      inflate.destroy();
    }
  }
  return true;
}

interface Entry {
  method: number;
  compressedSize: number;
  dataStart: number;
}

async function centralEntries(path: string): Promise<Entry[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0) return [];
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size || directorySize > 8 * 1024 * 1024) return [];
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries: Entry[] = [];
    const local = Buffer.alloc(30);
    for (
      let at = 0;
      at + 46 <= directorySize && directory.readUInt32LE(at) === SIG_CENTRAL && entries.length < 10_000;
    ) {
      const method = directory.readUInt16LE(at + 10);
      const compressedSize = directory.readUInt32LE(at + 20);
      const headerOffset = directory.readUInt32LE(at + 42);
      at +=
        46 +
        directory.readUInt16LE(at + 28) +
        directory.readUInt16LE(at + 30) +
        directory.readUInt16LE(at + 32);
      await file.read(local, 0, 30, headerOffset);
      if (local.readUInt32LE(0) !== SIG_LOCAL) continue;
      const dataStart = headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + compressedSize > size) continue;
      entries.push({ method, compressedSize, dataStart });
    }
    return entries;
  } finally {
    await file.close();
  }
}
