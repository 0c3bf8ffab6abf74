import { EntityManager } from 'typeorm';
import { AuditLog } from '../../src/audit/audit-log.service';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { Employment } from '../../src/workers/entities/employment.entity';
import { Worker } from '../../src/workers/entities/worker.entity';
import { PersonTies } from '../../src/workers/identity/identity';
import { PersonRegistry } from '../../src/workers/identity/person-registry';
import { ReconciliationsRepository } from '../../src/workers/reconciliation/reconciliations.repository';
import { NewEmployment, NewWorker, WorkersRepository } from '../../src/workers/workers.repository';

/**
 * In-memory stand-ins for the repositories behind PersonRegistry, for unit specs: enough to see
 * what a roster chunk or a form changes, which reconciliation requests it opens and what it audits.
 */
export function inMemoryWorkers() {
  const workers: Worker[] = [];
  const employments: Employment[] = [];
  /** Worker ids whose account was activated. */
  const activated = new Set<number>();
  const repo = {
    workers,
    employments,
    activated,
    findByHashes: jest.fn(async (hashes: string[]) => workers.filter((w) => hashes.includes(w.cccdHash))),
    findById: jest.fn(async (id: number) => workers.find((w) => w.id === id) ?? null),
    insertMany: jest.fn(async (rows: NewWorker[]) => {
      for (const row of rows)
        workers.push(Object.assign(new Worker(), row, { id: workers.length + 1, userId: null }));
    }),
    update: jest.fn(async (id: number, changes: Partial<Worker>) => {
      Object.assign(
        workers.find((w) => w.id === id)!,
        changes,
      );
    }),
    employmentsAt: jest.fn(async (ids: number[], enterpriseId: number) =>
      employments
        .filter((e) => ids.includes(e.workerId) && e.enterpriseId === enterpriseId)
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((e) => Object.assign(new Employment(), e)),
    ),
    ties: jest.fn(async (ids: number[]) => {
      const ties = new Map<number, PersonTies>();
      for (const id of ids)
        ties.set(id, {
          enterpriseIds: new Set(employments.filter((e) => e.workerId === id).map((e) => e.enterpriseId)),
          activated: activated.has(id),
        });
      return ties;
    }),
    insertEmployments: jest.fn(async (rows: NewEmployment[]) => {
      for (const row of rows) {
        if (
          !row.endDate &&
          employments.some(
            (e) => e.workerId === row.workerId && e.enterpriseId === row.enterpriseId && !e.endDate,
          )
        )
          throw new Error('uq_employments_open');
        employments.push(Object.assign(new Employment(), row, { id: employments.length + 1 }));
      }
    }),
    updateEmployment: jest.fn(async (id: number, changes: Partial<Employment>) => {
      Object.assign(
        employments.find((e) => e.id === id)!,
        changes,
      );
    }),
  };
  const reconciliations = {
    opened: [] as Record<string, unknown>[],
    open: jest.fn(async function (
      this: { opened: Record<string, unknown>[] },
      request: Record<string, unknown>,
    ) {
      this.opened.push(request);
      return { id: this.opened.length, created: true };
    }),
  };
  const audit = { steps: [] as Record<string, unknown>[], write: jest.fn() };
  audit.write.mockImplementation(async (_actor: unknown, step: Record<string, unknown>) => {
    audit.steps.push(step);
  });
  return { repo, reconciliations, audit };
}

export function personRegistry(fakes: ReturnType<typeof inMemoryWorkers>, pii: PiiCipher): PersonRegistry {
  return new PersonRegistry(
    fakes.repo as unknown as WorkersRepository,
    fakes.reconciliations as unknown as ReconciliationsRepository,
    fakes.audit as unknown as AuditLog,
    pii,
  );
}

export const NO_MANAGER = {} as EntityManager;
