import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor, AuditLog } from '../../audit/audit-log.service';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { foldVietnamese } from '../../common/text/vietnamese';
import { Employment } from '../entities/employment.entity';
import { Worker } from '../entities/worker.entity';
import { ReconciliationSource } from '../reconciliation/entities/identity-reconciliation.entity';
import { ReconciliationsRepository } from '../reconciliation/reconciliations.repository';
import { EmploymentInput, employmentChanges, matchEmployment, newEmployment } from '../roster/roster-merge';
import { NewEmployment, WorkersRepository } from '../workers.repository';
import {
  agreesWith,
  changedFields,
  IdentityData,
  identityBelongsElsewhere,
  identityChanges,
} from './identity';

/** One person with (usually) an employment at the enterprise, as a roster row or a form gives it. */
export interface PersonEntry {
  /** The row number of a file, or 1 for a form. */
  key: number;
  cccd: string;
  cccdHash: string;
  identity: IdentityData;
  /** Left out when only the identity is at stake (a reconciliation of a profile edit). */
  employment?: EmploymentInput;
}

export type EntryRefusal = 'identityDiffers' | 'alreadyOnRoster' | 'secondOpen';

export interface EntryOutcome {
  key: number;
  /**
   * created: a new person, or a person who joined this enterprise (answered alike, so that no
   * caller learns whether a CCCD was known); updated / unchanged: someone already on this roster.
   */
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  workerId: number | null;
  refusal?: EntryRefusal;
}

export interface RegisterRequest {
  enterpriseId: number;
  entries: PersonEntry[];
  /** Who asked (written to the audit trail and on a reconciliation request). */
  requester: AuditActor;
  source: { kind: ReconciliationSource; importId?: number };
  /**
   * 'add' (a form adding one worker) refuses an entry that names an employment already on the
   * roster; 'merge' (an import) updates it.
   */
  mode: 'add' | 'merge';
  /** The federation admin, or an accepted reconciliation: the identity given is the national record. */
  identityAuthority: boolean;
}

/**
 * The one place where people and employments are added under the identity rules of issue 9:
 *
 * - a CCCD nobody has yet creates the person;
 * - a known person joins this enterprise only when name (case, spacing and diacritics aside), date
 *   of birth and gender agree with their record, which is then kept as it is; it is audited, and
 *   answered exactly as a new person is;
 * - a known person's identity is changed only when it is this enterprise's to change (their only
 *   employments are here and they never activated an account) or by the identity authority;
 *   otherwise an entry with other identity data is refused and opens a reconciliation request.
 *
 * Runs inside the caller's transaction; the caller commits the refusals' requests with the rest.
 */
@Injectable()
export class PersonRegistry {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly reconciliations: ReconciliationsRepository,
    private readonly audit: AuditLog,
    private readonly pii: PiiCipher,
  ) {}

  async register(manager: EntityManager, request: RegisterRequest): Promise<EntryOutcome[]> {
    const { enterpriseId, entries, requester } = request;
    const outcomes = new Map<number, EntryOutcome>();
    const known = new Map(
      (await this.workers.findByHashes([...new Set(entries.map((e) => e.cccdHash))], manager)).map((w) => [
        w.cccdHash,
        w,
      ]),
    );
    const ties = await this.workers.ties(
      [...known.values()].map((w) => w.id),
      manager,
    );

    // 1. Who each entry is, and whether its identity may stand.
    const accepted: PersonEntry[] = [];
    const changed = new Set<number>();
    const fresh = new Map<string, PersonEntry>();
    for (const entry of entries) {
      const worker = known.get(entry.cccdHash);
      if (!worker) {
        if (!fresh.has(entry.cccdHash)) fresh.set(entry.cccdHash, entry);
        accepted.push(entry);
        continue;
      }
      const changes = identityChanges(worker, entry.identity);
      if (!changes) {
        accepted.push(entry);
        continue;
      }
      const personTies = ties.get(worker.id)!;
      const ours =
        request.identityAuthority ||
        (personTies.enterpriseIds.has(enterpriseId) && !identityBelongsElsewhere(personTies, enterpriseId));
      if (ours) {
        await this.workers.update(worker.id, changes, manager);
        Object.assign(worker, changes);
        changed.add(worker.id);
        await this.audit.write(
          requester,
          {
            action: 'worker.identity.changed',
            subjectType: 'worker',
            subjectId: worker.id,
            details: { fields: changedFields(changes), enterpriseId, ...this.via(request) },
          },
          manager,
        );
        accepted.push(entry);
      } else if (agreesWith(worker, entry.identity)) {
        accepted.push(entry); // the same person written another way: their record stays as it is
      } else {
        await this.openReconciliation(manager, request, worker, entry);
        outcomes.set(entry.key, {
          key: entry.key,
          result: 'refused',
          workerId: null,
          refusal: 'identityDiffers',
        });
      }
    }

    if (fresh.size > 0) {
      await this.workers.insertMany(
        [...fresh.values()].map((entry) => ({
          fullName: entry.identity.fullName,
          searchKey: foldVietnamese(entry.identity.fullName),
          dateOfBirth: entry.identity.dateOfBirth,
          gender: entry.identity.gender,
          cccdEncrypted: this.pii.encrypt(entry.cccd),
          cccdHash: entry.cccdHash,
        })),
        manager,
      );
      for (const w of await this.workers.findByHashes([...fresh.keys()], manager)) known.set(w.cccdHash, w);
    }

    // 2. Their employments here, oldest start first so that a re-hire finds the earlier one ended.
    const workerIds = [...new Set(accepted.map((e) => known.get(e.cccdHash)!.id))];
    const stored = new Map<number, Employment[]>(workerIds.map((id) => [id, []]));
    for (const e of await this.workers.employmentsAt(workerIds, enterpriseId, manager))
      stored.get(e.workerId)!.push(e);
    const freshIds = new Set([...fresh.keys()].map((hash) => known.get(hash)!.id));
    const joining = new Set(workerIds.filter((id) => !freshIds.has(id) && stored.get(id)!.length === 0));
    const inserts: NewEmployment[] = [];
    const ordered = [...accepted].sort((a, b) =>
      (a.employment?.startDate ?? '').localeCompare(b.employment?.startDate ?? ''),
    );
    for (const entry of ordered) {
      const worker = known.get(entry.cccdHash)!;
      const isNew = freshIds.has(worker.id);
      const result = (employment: 'created' | 'updated' | 'unchanged'): EntryOutcome => ({
        key: entry.key,
        workerId: worker.id,
        result: isNew || joining.has(worker.id) ? 'created' : changed.has(worker.id) ? 'updated' : employment,
      });
      if (!entry.employment) {
        outcomes.set(entry.key, result('unchanged'));
        continue;
      }
      const mine = stored.get(worker.id)!;
      const match = matchEmployment(mine, entry.employment);
      if (match && request.mode === 'add') {
        outcomes.set(entry.key, { ...result('unchanged'), result: 'refused', refusal: 'alreadyOnRoster' });
        continue;
      }
      const wouldBeOpen = match
        ? (entry.employment.endDate === undefined ? match.endDate : entry.employment.endDate) === null
        : !entry.employment.endDate;
      if (wouldBeOpen && mine.some((e) => e !== match && e.endDate === null)) {
        outcomes.set(entry.key, { ...result('unchanged'), result: 'refused', refusal: 'secondOpen' });
        continue;
      }
      if (!match) {
        const created = newEmployment(worker.id, enterpriseId, entry.employment);
        inserts.push(created);
        mine.push(Object.assign(new Employment(), created));
        outcomes.set(entry.key, result('created'));
        continue;
      }
      const changes = employmentChanges(match, entry.employment);
      if (changes) {
        await this.workers.updateEmployment(match.id, changes, manager);
        if (changes.startDate)
          await this.audit.write(
            requester,
            {
              action: 'employment.corrected',
              subjectType: 'employment',
              subjectId: match.id,
              details: { startDate: [match.startDate, changes.startDate], ...this.via(request) },
            },
            manager,
          );
        Object.assign(match, changes);
      }
      outcomes.set(entry.key, result(changes ? 'updated' : 'unchanged'));
    }
    await this.workers.insertEmployments(inserts, manager);
    for (const workerId of joining) {
      if (!inserts.some((e) => e.workerId === workerId)) continue;
      await this.audit.write(
        requester,
        {
          action: 'worker.joined',
          subjectType: 'worker',
          subjectId: workerId,
          details: { enterpriseId, ...this.via(request) },
        },
        manager,
      );
    }
    return entries.map((e) => outcomes.get(e.key)!);
  }

  private async openReconciliation(
    manager: EntityManager,
    request: RegisterRequest,
    worker: Worker,
    entry: PersonEntry,
  ): Promise<void> {
    const employment = entry.employment;
    const { id, created } = await this.reconciliations.open(
      {
        workerId: worker.id,
        enterpriseId: request.enterpriseId,
        requestedBy: request.requester.userId,
        source: request.source.kind,
        rosterImportId: request.source.importId ?? null,
        rowNumber: request.source.importId ? entry.key : null,
        fullName: entry.identity.fullName,
        dateOfBirth: entry.identity.dateOfBirth,
        gender: entry.identity.gender,
        employeeCode: employment?.employeeCode ?? null,
        startDate: employment?.startDate ?? null,
        endDate: employment?.endDate ?? null,
        unionMember: employment?.unionMember ?? null,
        phone: employment?.phone ?? null,
        email: employment?.email ?? null,
      },
      manager,
    );
    if (created)
      await this.audit.write(
        request.requester,
        {
          action: 'reconciliation.opened',
          subjectType: 'reconciliation',
          subjectId: id,
          details: { workerId: worker.id, enterpriseId: request.enterpriseId, ...this.via(request) },
        },
        manager,
      );
  }

  private via(request: RegisterRequest): Record<string, string | number> {
    return request.source.importId
      ? { via: request.source.kind, importId: request.source.importId }
      : { via: request.source.kind };
  }
}
