/**
 * Folds Vietnamese text to a search key: lower case, no diacritics, đ → d, single spaces.
 * "Kỹ năng số" and "ky nang so" fold to the same key, so search works however people type.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Composed form (NFC): the same word typed with a Telex or a VNI keyboard gives the same bytes. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * A LIKE pattern for "contains", with wildcards escaped by "!" so that a search for "50%" looks
 * for the characters. Use with `LIKE :q ESCAPE '!'` (the same on SQLite and MySQL).
 */
export function likeContains(folded: string): string {
  return `%${folded.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
