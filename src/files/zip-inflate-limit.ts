import {
  centralEntries,
  discard,
  drainLocalEntries,
  inflateEntry,
  InflateBudget,
  MAX_INFLATED_BYTES,
  ZipBombError,
} from './zip-entries';

/**
 * True when the ZIP's entries inflate to at most `maxBytes` in all. The bytes are really inflated
 * (streamed and counted, never kept), because the sizes a ZIP declares can lie; it stops at the
 * first byte over the limit. The entries are those of the central directory, as the XLSX reader
 * reads them (xlsx-rows.ts); with no central directory, or one that disagrees with the file, those
 * met by walking the local headers, as a streaming unzipper would. A ZIP neither way can walk counts
 * as within: the readers refuse it later.
 */
export async function inflatesWithin(path: string, maxBytes = MAX_INFLATED_BYTES): Promise<boolean> {
  const budget = new InflateBudget(maxBytes);
  try {
    const entries = await centralEntries(path).catch(() => null);
    if (!entries) {
      await drainLocalEntries(path, budget);
      return true;
    }
    for (const entry of entries) {
      try {
        await discard(inflateEntry(path, entry, budget));
      } catch (error) {
        // Corrupt data: the reader of the file will say it cannot read it. The rest still counts.
        if (error instanceof ZipBombError) throw error;
      }
    }
    return true;
  } catch (error) {
    if (error instanceof ZipBombError) return false;
    return true;
  }
}
