import { foldVietnamese } from '../../common/text/vietnamese';
import { Employment } from '../entities/employment.entity';
import { Worker } from '../entities/worker.entity';
import { NewEmployment } from '../workers.repository';
import { RosterRow } from './roster-row.validator';

/**
 * How a roster row changes what is stored. A value the file does not carry (no such column) leaves
 * the stored one alone; an empty cell clears it. Nothing to change gives null, so importing the
 * same file twice changes nothing the second time.
 */
export function workerChanges(existing: Worker, row: RosterRow): Partial<Worker> | null {
  const changes: Partial<Worker> = {};
  if (existing.fullName !== row.fullName) {
    changes.fullName = row.fullName;
    changes.searchKey = foldVietnamese(row.fullName);
  }
  if (existing.dateOfBirth !== row.dateOfBirth) changes.dateOfBirth = row.dateOfBirth;
  if (existing.gender !== row.gender) changes.gender = row.gender;
  if (row.phone !== undefined && existing.phone !== row.phone) changes.phone = row.phone;
  if (row.email !== undefined && existing.email !== row.email) changes.email = row.email;
  return Object.keys(changes).length > 0 ? changes : null;
}

export function employmentChanges(existing: Employment, row: RosterRow): Partial<Employment> | null {
  const changes: Partial<Employment> = {};
  if (row.employeeCode !== undefined && existing.employeeCode !== row.employeeCode)
    changes.employeeCode = row.employeeCode;
  if (row.endDate !== undefined && existing.endDate !== row.endDate) changes.endDate = row.endDate;
  if (row.unionMember !== undefined && existing.unionMember !== row.unionMember)
    changes.unionMember = row.unionMember;
  return Object.keys(changes).length > 0 ? changes : null;
}

export function newEmployment(workerId: number, enterpriseId: number, row: RosterRow): NewEmployment {
  return {
    workerId,
    enterpriseId,
    employeeCode: row.employeeCode ?? null,
    startDate: row.startDate,
    endDate: row.endDate ?? null,
    unionMember: row.unionMember ?? false,
  };
}

/** Employments are matched on (worker, enterprise, start date); the enterprise is the import's. */
export function employmentKey(workerId: number, startDate: string): string {
  return `${workerId}|${startDate}`;
}
