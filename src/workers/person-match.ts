import { Injectable } from '@nestjs/common';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { foldVietnamese } from '../common/text/vietnamese';
import { isValidCccdFormat } from '../common/validation/cccd';
import { Transaction } from '../database/unit-of-work';
import { WorkersRepository } from './workers.repository';

/** A person as a history sheet names them: CCCD, name and date of birth (YYYY-MM-DD). */
export interface NamedPerson {
  cccd: string;
  fullName: string;
  dateOfBirth: string;
}

/** Who a row names, or why not: unknown CCCD, or a CCCD whose name or date of birth differs. */
export type PersonMatch =
  { workerId: number } | { problem: 'cccd' | 'unknown' | 'nameDiffers' | 'birthDiffers' };

/**
 * Finds the persons of a history sheet among those hoctap knows (rosters bring them in, with their
 * past employments). A history row never creates a person or changes one: a CCCD that is unknown,
 * or known with another name or date of birth, is the row's problem, for the federation's
 * reconciliation to settle. Names are compared folded (accents, case and spacing aside).
 */
@Injectable()
export class PersonMatcher {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly pii: PiiCipher,
  ) {}

  async match(people: NamedPerson[], manager?: Transaction): Promise<PersonMatch[]> {
    const hashes = people.filter((p) => isValidCccdFormat(p.cccd)).map((p) => this.pii.blindIndex(p.cccd));
    const found = new Map(
      (await this.workers.findByHashes([...new Set(hashes)], manager)).map((w) => [w.cccdHash, w]),
    );
    return people.map((person): PersonMatch => {
      if (!isValidCccdFormat(person.cccd)) return { problem: 'cccd' };
      const worker = found.get(this.pii.blindIndex(person.cccd));
      if (!worker) return { problem: 'unknown' };
      if (foldVietnamese(worker.fullName) !== foldVietnamese(person.fullName))
        return { problem: 'nameDiffers' };
      if (worker.dateOfBirth !== person.dateOfBirth) return { problem: 'birthDiffers' };
      return { workerId: worker.id };
    });
  }

  /** The enterprise a person worked at on a day (the first, for one with two employers), or null. */
  async employerOn(workerId: number, day: string): Promise<number | null> {
    const ids = await this.workers.currentEnterpriseIds(workerId, day);
    return ids.length > 0 ? Math.min(...ids) : null;
  }
}

/** The message of a person a history row names but hoctap does not know as written (imports.messages). */
export function personProblemKey(match: Exclude<PersonMatch, { workerId: number }>): string {
  return `import.person.${match.problem}`;
}

/** The column a person's problem is reported at, among a sheet's three person columns. */
export function personProblemField<F>(
  match: Exclude<PersonMatch, { workerId: number }>,
  columns: { cccd: F; fullName: F; dateOfBirth: F },
): F {
  if (match.problem === 'nameDiffers') return columns.fullName;
  if (match.problem === 'birthDiffers') return columns.dateOfBirth;
  return columns.cccd;
}
