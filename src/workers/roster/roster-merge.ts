import { Employment } from '../entities/employment.entity';
import { NewEmployment } from '../workers.repository';

/**
 * An employment as a roster row or a form gives it. Optional fields are undefined when the source
 * does not carry them (the stored value is left alone) and null when given empty (it is cleared).
 */
export interface EmploymentInput {
  startDate: string;
  endDate?: string | null;
  employeeCode?: string | null;
  unionMember?: boolean;
  phone?: string | null;
  email?: string | null;
}

const OPEN_END = '9999-12-31';

/** Two periods share at least one day; an open end (null or not given) runs for ever. */
export function overlaps(
  a: { startDate: string; endDate?: string | null },
  b: { startDate: string; endDate?: string | null },
): boolean {
  return a.startDate <= (b.endDate ?? OPEN_END) && b.startDate <= (a.endDate ?? OPEN_END);
}

/**
 * The stored employment (of one worker at one enterprise, ordered by start date) that an input is
 * about: the one that starts on the same day; else one whose period overlaps it — the open one for
 * an open input — whose start date the input then corrects; else none (a new employment: a worker
 * re-hired after leaving, or an earlier time there).
 */
export function matchEmployment(stored: Employment[], input: EmploymentInput): Employment | null {
  const exact = stored.find((e) => e.startDate === input.startDate);
  if (exact) return exact;
  const overlapping = stored.filter((e) => overlaps(e, input));
  if (input.endDate === null || input.endDate === undefined) {
    const open = overlapping.find((e) => e.endDate === null);
    if (open) return open;
  }
  return overlapping[0] ?? null;
}

/** How an input changes a stored employment, the start date included; null when it changes nothing. */
export function employmentChanges(existing: Employment, input: EmploymentInput): Partial<Employment> | null {
  const changes: Partial<Employment> = {};
  if (existing.startDate !== input.startDate) changes.startDate = input.startDate;
  for (const key of ['endDate', 'employeeCode', 'unionMember', 'phone', 'email'] as const) {
    const value = input[key];
    if (value !== undefined && existing[key] !== value) Object.assign(changes, { [key]: value });
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

export function newEmployment(workerId: number, enterpriseId: number, input: EmploymentInput): NewEmployment {
  return {
    workerId,
    enterpriseId,
    employeeCode: input.employeeCode ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    unionMember: input.unionMember ?? false,
    phone: input.phone ?? null,
    email: input.email ?? null,
  };
}
