import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role, ScopeType } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { maskCccd } from '../common/validation/cccd';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { InstitutionsService } from '../organisations/institutions.service';
import { WorkersRepository } from '../workers/workers.repository';
import { ExternalRecordDto } from './dto/external-record.dto';
import { RecordSource } from './entities/learning-record.entity';
import { externalRef, ExternalRecordsRepository, StoredExternalRecord } from './external-records.repository';
import { DOMAIN_CODES, DomainCode, isDomainCode } from './learning-domains';
import { LearningRecordsService } from './learning-records.service';
import { PartnershipsRepository } from './partnerships.repository';
import { badInput, RecordRefused } from './record-refused';
import { todayInVietnam } from '../common/time/vietnam-time';

/** A reported result as the API and the pages show it: the worker named, their CCCD masked. */
export interface ExternalRecordView {
  id: number;
  externalId: string;
  institutionId: number;
  institutionName: string;
  title: string;
  programme: string | null;
  certificateNo: string | null;
  completedOn: string;
  hours: number;
  domains: DomainCode[];
  worker: { id: number; fullName: string; cccdMasked: string };
  createdAt: Date;
}

/** What a submission amounts to once checked: compared field by field with a stored one. */
export interface Submission {
  externalId: string;
  cccdHash: string;
  dateOfBirth: string;
  title: string;
  programme: string | null;
  certificateNo: string | null;
  completedOn: string;
  hours: number;
  domains: DomainCode[];
}

/**
 * Results that training institutions report through /api/v1: each becomes one learning record
 * (source EXTERNAL) of a worker employed at one of the institution's partner enterprises. Posting
 * the same externalId again with the same content returns the stored result; with other content it
 * is refused (409). A worker the institution may not report on is "not found", whether or not the
 * CCCD exists elsewhere. The CCCD is only ever compared through its blind index.
 */
@Injectable()
export class ExternalRecordsService {
  constructor(
    private readonly records: ExternalRecordsRepository,
    private readonly partnerships: PartnershipsRepository,
    private readonly workers: WorkersRepository,
    private readonly learningRecords: LearningRecordsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly pii: PiiCipher,
    private readonly scopes: EnterpriseScopeService,
    private readonly institutions: InstitutionsService,
  ) {}

  /** Stores a reported result once; `created` is false when the same result was stored before. */
  async submit(
    actor: Actor,
    dto: ExternalRecordDto,
    today = todayInVietnam(),
  ): Promise<{ record: ExternalRecordView; created: boolean }> {
    const institutionId = this.institutionOf(actor, dto.institutionId);
    const submission = this.check(dto, today);
    const stored = await this.records.findByExternalId(institutionId, submission.externalId);
    if (stored) return { record: this.view(assertSame(stored, submission)), created: false };

    const worker = await this.workers.findByHash(submission.cccdHash);
    if (!worker || worker.dateOfBirth !== submission.dateOfBirth) throw workerNotFound();
    const enterpriseId =
      (await this.partnerships.partnerEmployerOn(institutionId, worker.id, submission.completedOn)) ??
      (await this.partnerships.partnerEmployerOn(institutionId, worker.id, today));
    if (enterpriseId === null) throw workerNotFound();

    // Whole seconds, as the column keeps them, so that the answer and a later read agree.
    const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    let id: number;
    try {
      // One short transaction, no look-up in it: a result stored by a parallel request a moment ago
      // shows as a unique violation, answered below as a repeat.
      id = await this.unitOfWork.run(async (manager) => {
        const newId = await this.records.insert(manager, {
          institutionId,
          externalId: submission.externalId,
          workerId: worker.id,
          title: submission.title,
          programme: submission.programme,
          certificateNo: submission.certificateNo,
          completedOn: submission.completedOn,
          hours: submission.hours,
          submittedBy: actor.userId,
          createdAt,
        });
        await this.learningRecords.recordNewWithin(manager, {
          workerId: worker.id,
          occurredOn: submission.completedOn,
          hours: submission.hours,
          source: RecordSource.External,
          sourceRef: externalRef(newId),
          title: submission.programme ? `${submission.title} (${submission.programme})` : submission.title,
          domains: submission.domains,
          institutionId,
          enterpriseId,
        });
        return newId;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.records.findByExternalId(institutionId, submission.externalId);
      if (!raced) throw error;
      return { record: this.view(assertSame(raced, submission)), created: false };
    }
    await this.learningRecords.announce([worker.id], submission.completedOn);
    // The view from what was just written, not read back: only the institution's name is looked up.
    const institutionName = (await this.institutions.nameOf(institutionId)) ?? '';
    const record: ExternalRecordView = {
      id,
      externalId: submission.externalId,
      institutionId,
      institutionName,
      title: submission.title,
      programme: submission.programme,
      certificateNo: submission.certificateNo,
      completedOn: submission.completedOn,
      hours: submission.hours,
      domains: submission.domains,
      worker: {
        id: worker.id,
        fullName: worker.fullName,
        cccdMasked: maskCccd(this.pii.decrypt(worker.cccdEncrypted)),
      },
      createdAt,
    };
    return { record, created: true };
  }

  /**
   * Checks what can be checked without the database: known domain codes (the first unknown one is
   * named), a completion date not in the future. Text is trimmed and domains de-duplicated.
   */
  check(dto: ExternalRecordDto, today: string): Submission {
    const domains: DomainCode[] = [];
    for (const raw of dto.domains) {
      const code = raw.trim().toUpperCase();
      if (!isDomainCode(code))
        throw badInput('domains', 'external.error.unknownDomain', {
          domain: raw,
          known: DOMAIN_CODES.join(', '),
        });
      if (!domains.includes(code)) domains.push(code);
    }
    if (dto.completedOn > today) throw badInput('completedOn', 'external.error.future');
    return {
      externalId: dto.externalId.trim(),
      cccdHash: this.pii.blindIndex(dto.cccd),
      dateOfBirth: dto.dateOfBirth,
      title: dto.title.trim(),
      programme: dto.programme?.trim() || null,
      certificateNo: dto.certificateNo?.trim() || null,
      completedOn: dto.completedOn,
      hours: dto.hours,
      domains: domains.sort(),
    };
  }

  /** The results the actor's institutions reported, latest first. */
  async page(actor: Actor, query: PageQuery): Promise<Page<ExternalRecordView>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.records.page(this.institutionIdsOf(actor), query.q, skip, size);
    return pageOf(
      items.map((r) => this.view(r)),
      total,
      page,
      size,
    );
  }

  async *rows(actor: Actor, q: string | undefined): AsyncGenerator<ExternalRecordView> {
    for await (const r of this.records.iterate(this.institutionIdsOf(actor), q)) yield this.view(r);
  }

  /**
   * One result, for its institution's editors and for the officers and admins who reach the worker
   * (the origin link of a learning record); 404 for anyone else.
   */
  async detail(actor: Actor, id: number): Promise<ExternalRecordView> {
    const record = await this.records.findById(id);
    if (!record) throw new OutOfScopeException();
    if (this.institutionIdsOf(actor).includes(record.institutionId)) return this.view(record);
    const scope = await this.scopes.scopeOf(actor, Role.UnionOfficer, Role.FederationAdmin, Role.SystemAdmin);
    if (scope.all || (await this.workers.isInScope(record.workerId, scope))) return this.view(record);
    throw new OutOfScopeException();
  }

  institutionIdsOf(actor: Actor): number[] {
    return actor.scopeIds(ScopeType.Institution, Role.InstitutionEditor);
  }

  /** The institution a post is for: the editor's only one, or the one named among theirs. */
  institutionOf(actor: Actor, requested: number | undefined): number {
    const ids = this.institutionIdsOf(actor);
    if (ids.length === 0) throw new ForbiddenException();
    if (requested !== undefined) {
      if (!ids.includes(requested)) throw badInput('institutionId', 'external.error.institution');
      return requested;
    }
    if (ids.length > 1) throw badInput('institutionId', 'external.error.institution');
    return ids[0];
  }

  view(record: StoredExternalRecord): ExternalRecordView {
    return {
      id: record.id,
      externalId: record.externalId,
      institutionId: record.institutionId,
      institutionName: record.institutionName,
      title: record.title,
      programme: record.programme,
      certificateNo: record.certificateNo,
      completedOn: record.completedOn,
      hours: record.hours,
      domains: record.domains,
      worker: {
        id: record.workerId,
        fullName: record.workerName,
        cccdMasked: maskCccd(this.pii.decrypt(record.workerCccdEncrypted)),
      },
      createdAt: record.createdAt,
    };
  }
}

/** A repeat must say exactly what was stored; anything else under the same id is a conflict. */
export function assertSame(stored: StoredExternalRecord, submission: Submission): StoredExternalRecord {
  const same =
    stored.workerCccdHash === submission.cccdHash &&
    stored.workerDateOfBirth === submission.dateOfBirth &&
    stored.title === submission.title &&
    (stored.programme ?? null) === submission.programme &&
    (stored.certificateNo ?? null) === submission.certificateNo &&
    stored.completedOn === submission.completedOn &&
    Math.abs(Number(stored.hours) - submission.hours) < 0.005 &&
    [...stored.domains].sort().join(',') === [...submission.domains].sort().join(',');
  if (!same)
    throw new RecordRefused(HttpStatus.CONFLICT, 'externalId', 'external.error.conflict', {
      externalId: submission.externalId,
    });
  return stored;
}

function workerNotFound(): RecordRefused {
  return new RecordRefused(HttpStatus.NOT_FOUND, 'cccd', 'external.error.workerNotFound');
}
