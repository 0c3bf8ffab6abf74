import { DomainCode } from '../learning-records/learning-domains';

/**
 * What hoctap's own data can prove, as data an association administrator edits (not code).
 * Every rule looks at the evaluated year only.
 */
export type CriterionRule =
  /** At least `minRecords` learning records in the domain this year (e.g. DIGITAL → "IT for the job"). */
  | { type: 'DOMAIN_RECORDS'; domain: DomainCode; minRecords: number }
  /** At least `minRecords` learning records of any domain this year. */
  | { type: 'ANY_RECORDS'; minRecords: number }
  /** At least `minHours` learning hours this year. */
  | { type: 'MIN_HOURS'; minHours: number }
  /** A personal learning plan saved with the application. */
  | { type: 'HAS_PLAN' }
  /** Attended at least `minSessions` in-person sessions of these kinds this year (reading club, Reading Day…). */
  | { type: 'SESSION_KINDS'; kinds: string[]; minSessions: number };

export const RULE_TYPES = [
  'DOMAIN_RECORDS',
  'ANY_RECORDS',
  'MIN_HOURS',
  'HAS_PLAN',
  'SESSION_KINDS',
] as const;
