import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

/** Reads one JSON file of the project's seeds/ folder. */
export function readSeed<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(SEEDS_DIR, relativePath), 'utf8')) as T;
}
