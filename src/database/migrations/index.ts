import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, in order. Both databases run exactly this list. */
export const migrations = [Foundation1764000000000];
