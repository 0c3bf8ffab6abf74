import { Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FiguresChanged } from '../common/events/figures-changed';
import { thisYearInVietnam } from '../common/time/vietnam-time';
import { pageOf, Page } from '../common/http/pagination';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { LearningDomain } from './entities/learning-domain.entity';
import { LearningRecord, RecordSource } from './entities/learning-record.entity';
import { LearningRecordEvents } from './learning-record-events';
import { DomainCode, DOMAIN_CODES, FIRST_ON_COLUMN } from './learning-domains';
import {
  LearningRecordsRepository,
  RecordFilter,
  RecordInsert,
  RecordDomainRow,
  RecordKey,
  RecordOrigins,
  RecordRevision,
  RecordRow,
  StoredRecord,
} from './learning-records.repository';

export type NewLearningRecord = Omit<RecordInsert, 'institutionId' | 'enterpriseId'> & {
  institutionId?: number | null;
  enterpriseId?: number | null;
};

export interface DomainProgress {
  code: DomainCode;
  firstOn: string | null;
  firstThisYearOn: string | null;
}

/**
 * The one learning-record store: every completion, attendance and external record lands here,
 * exactly once, and the worker's summary moves with it in the same transaction.
 */
@Injectable()
export class LearningRecordsService {
  constructor(
    private readonly records: LearningRecordsRepository,
    private readonly events: LearningRecordEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly scopes: EnterpriseScopeService,
    private readonly figures: FiguresChanged,
  ) {}

  /** Stores a record in its own transaction, then tells the listeners. */
  async record(input: NewLearningRecord): Promise<StoredRecord> {
    const result = await this.unitOfWork.run((manager) => this.recordWithin(manager, input));
    if (result.created) await this.announce([input.workerId], input.occurredOn);
    return result;
  }

  /**
   * Stores a record inside the caller's transaction (e.g. with the enrolment it completes). The
   * caller announces the workers after commit with `announce`.
   */
  recordWithin(manager: Transaction, input: NewLearningRecord): Promise<StoredRecord> {
    checkRecord(input);
    return this.records.insertOnce(manager, { institutionId: null, enterpriseId: null, ...input });
  }

  /**
   * Stores the record of a source row inserted in this same transaction: its reference is new, so
   * no record can have it yet and the look-up that `recordWithin` makes first is left out.
   */
  async recordNewWithin(manager: Transaction, input: NewLearningRecord): Promise<number> {
    checkRecord(input);
    return this.records.insertNew(manager, { institutionId: null, enterpriseId: null, ...input });
  }

  /**
   * Tells the listeners after commit. `earliest` is the earliest date the new records happened on:
   * one in a year that is over also moves that year's closed figures (FiguresChanged with since).
   */
  async announce(workerIds: number[], earliest?: string | null, now = new Date()): Promise<void> {
    await this.events.announce(workerIds);
    if (earliest && Number(earliest.slice(0, 4)) < thisYearInVietnam(now)) {
      await this.figures.publish('learning', earliest);
    }
  }

  domains(): Promise<LearningDomain[]> {
    return this.records.listDomains();
  }

  /** The same records with the workers' names and domain codes, for the officers' list. */
  async rowsInScope(
    actor: Actor,
    filter: RecordFilter,
    page: number,
    size: number,
  ): Promise<Page<RecordRow>> {
    const [items, total] = await this.records.rows(
      filter,
      await this.scopeOf(actor),
      (page - 1) * size,
      size,
    );
    return pageOf(items, total, page, size);
  }

  /** Every row of that list, for an export. */
  async *exportInScope(actor: Actor, filter: RecordFilter): AsyncGenerator<RecordRow> {
    yield* this.records.iterateRows(filter, await this.scopeOf(actor));
  }

  /** A worker's own records as rows (their name and domain codes), newest first. */
  async rowsOf(
    workerId: number,
    filter: Omit<RecordFilter, 'workerId'>,
    page: number,
    size: number,
  ): Promise<Page<RecordRow>> {
    const [items, total] = await this.records.rows({ ...filter, workerId }, null, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  /** Some workers' records of one year with their domains, one row per record and domain (the citizenship evaluation's facts). */
  recordDomainsInYear(workerIds: number[], year: number): Promise<RecordDomainRow[]> {
    return this.records.recordDomainsInYear(workerIds, year);
  }

  /**
   * How many workers learned through some origins between two dates while employed at an enterprise
   * in scope, per enterprise and in all (a campaign's participation).
   */
  participants(
    origins: RecordOrigins[],
    from: string,
    to: string,
    scope: EnterpriseScope,
  ): Promise<{ byEnterprise: Map<number, number>; total: number }> {
    return this.records.participants(origins, from, to, scope);
  }

  /** The worker's own records among some ids, oldest first; ids of other workers' records are ignored. */
  ownAmong(workerId: number, ids: number[]): Promise<LearningRecord[]> {
    return this.records.ownAmong(workerId, ids);
  }

  findByKey(key: RecordKey, manager?: Transaction): Promise<LearningRecord | null> {
    return this.records.findByKey(key, manager);
  }

  /**
   * Removes the record of one worker and origin (e.g. an attendance struck off) inside the caller's
   * transaction, and rebuilds that worker's summaries from the records left. Announce after commit.
   */
  async removeWithin(manager: Transaction, key: RecordKey): Promise<boolean> {
    const removed = await this.records.deleteByKey(manager, key);
    if (removed) await this.records.rebuildSummariesOf(manager, [key.workerId]);
    return removed;
  }

  /**
   * Gives the records of one origin new values (a session whose date, hours or domains changed)
   * for the given workers, inside the caller's transaction, and rebuilds their summaries.
   * Returns how many records changed. Announce after commit.
   */
  async reviseWithin(
    manager: Transaction,
    workerIds: number[],
    source: RecordSource,
    sourceRef: string,
    revision: RecordRevision,
  ): Promise<number> {
    if (revision.domains.length === 0) throw new Error('A learning record needs at least one domain');
    if (!(revision.hours >= 0 && revision.hours <= 9999))
      throw new Error('Learning record hours out of range');
    if (workerIds.length === 0) return 0;
    const changed = await this.records.reviseByOrigin(manager, workerIds, source, sourceRef, revision);
    await this.records.rebuildSummariesOf(manager, workerIds);
    return changed;
  }

  /** Recomputes some workers' summaries from their records, inside the caller's transaction. */
  rebuildSummariesWithin(manager: Transaction, workerIds: number[]): Promise<void> {
    return this.records.rebuildSummariesOf(manager, workerIds);
  }

  private scopeOf(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, Role.UnionOfficer, Role.FederationAdmin, Role.SystemAdmin);
  }

  /** Per domain: when the worker first learned in it, ever and this year. */
  async progressOf(workerId: number, year: number): Promise<DomainProgress[]> {
    const [summary, yearRow] = await Promise.all([
      this.records.summaryOf(workerId),
      this.records.yearOf(workerId, year),
    ]);
    const property = (code: DomainCode) =>
      FIRST_ON_COLUMN[code].replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as
        'firstLawOn' | 'firstVocationalOn' | 'firstLifeSkillsOn' | 'firstDigitalOn';
    return DOMAIN_CODES.map((code) => ({
      code,
      firstOn: summary?.[property(code)] ?? null,
      firstThisYearOn: yearRow?.[property(code)] ?? null,
    }));
  }

  summaryOf(workerId: number) {
    return this.records.summaryOf(workerId);
  }
}

export { RecordSource };

function checkRecord(input: NewLearningRecord): void {
  if (input.domains.length === 0) throw new Error('A learning record needs at least one domain');
  if (!(input.hours >= 0 && input.hours <= 9999)) throw new Error('Learning record hours out of range');
}
