import { foldVietnamese } from '../../common/text/vietnamese';
import { Gender, Worker } from '../entities/worker.entity';

/** What makes a person who they are, besides the CCCD that finds them. */
export interface IdentityData {
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
}

/**
 * The same person as the national record says: the name agrees once case, spacing and
 * diacritics are set aside ("Nguyen Van An" is "Nguyễn Văn An"), and date of birth and gender
 * agree exactly. A worker joins another enterprise only on this (the CCCD was matched already).
 */
export function agreesWith(stored: IdentityData, given: IdentityData): boolean {
  return (
    foldVietnamese(stored.fullName) === foldVietnamese(given.fullName) &&
    stored.dateOfBirth === given.dateOfBirth &&
    stored.gender === given.gender
  );
}

/** The exact differences, as changes to the person; null when there are none. */
export function identityChanges(stored: IdentityData, given: IdentityData): Partial<Worker> | null {
  const changes: Partial<Worker> = {};
  if (stored.fullName !== given.fullName) {
    changes.fullName = given.fullName;
    changes.searchKey = foldVietnamese(given.fullName);
  }
  if (stored.dateOfBirth !== given.dateOfBirth) changes.dateOfBirth = given.dateOfBirth;
  if (stored.gender !== given.gender) changes.gender = given.gender;
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Names of the changed fields, for the audit trail (never the values: they are personal data). */
export function changedFields(changes: Partial<Worker>): string {
  return (['fullName', 'dateOfBirth', 'gender', 'cccdHash'] as const)
    .filter((field) => field in changes)
    .map((field) => (field === 'cccdHash' ? 'cccd' : field))
    .join(', ');
}

/**
 * What the person's other ties are, seen from one enterprise. Their identity is theirs, not that
 * enterprise's, once they have an employment anywhere else or have activated their own account:
 * then no officer's import or form changes it, and a difference goes to reconciliation.
 */
export interface PersonTies {
  /** Enterprises with an employment of theirs (current or ended). */
  enterpriseIds: Set<number>;
  /** Their account was activated (they signed in with their own password). */
  activated: boolean;
}

export function identityBelongsElsewhere(ties: PersonTies, enterpriseId: number): boolean {
  return ties.activated || [...ties.enterpriseIds].some((id) => id !== enterpriseId);
}
