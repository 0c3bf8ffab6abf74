import { Foundation1764000000000 } from './1764000000000-foundation';
import { Learning1764000003000 } from './1764000003000-learning';

/** Every migration, in order. Both databases run exactly this list. */
export const migrations = [Foundation1764000000000, Learning1764000003000];
