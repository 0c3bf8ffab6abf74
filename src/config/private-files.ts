import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data directory holds the database and its write-ahead log (every CCCD, encrypted, and every
 * password hash), uploaded rosters and the development secrets: only the account that runs
 * hoctap may read them. Directories 0700, files 0600, whatever the umask; files and directories
 * an earlier version left readable by others are tightened at start-up.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory (and its parents) if needed and makes it owner-only. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

export function privateFileIfExists(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Creates the SQLite file owner-only before SQLite opens it: SQLite gives the -wal and -shm files
 * it makes beside it the database file's own permissions. The directory is made owner-only when
 * this creates it (SQLITE_FILE may point into a directory shared with other things).
 */
export function prepareSqliteFile(file: string): void {
  if (file === ':memory:' || file.startsWith('file:')) return;
  const dir = dirname(file);
  if (!existsSync(dir)) privateDir(dir);
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) privateFileIfExists(path);
}
