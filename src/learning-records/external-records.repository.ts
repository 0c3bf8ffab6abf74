import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { foldVietnamese, likeContains } from '../common/text/vietnamese';
import { dateOnly, insertedId } from '../database/dialect';
import { selectInstitutionName } from '../organisations/institution-names';
import { selectWorkerIdentity, workerNameContains } from '../workers/workforce-filters';
import { ExternalRecord } from './entities/external-record.entity';
import { RecordSource } from './entities/learning-record.entity';
import { DomainCode, isDomainCode } from './learning-domains';

/** A stored result with what a repeat is compared with: the worker's keys and the record's domains. */
export interface StoredExternalRecord extends ExternalRecord {
  workerCccdHash: string;
  workerDateOfBirth: string;
  workerName: string;
  workerCccdEncrypted: string;
  institutionName: string;
  domains: DomainCode[];
}

export type NewExternalRecord = Omit<ExternalRecord, 'id' | 'createdAt' | 'updatedAt'> & { createdAt?: Date };

export function externalRef(id: number): string {
  return `external:${id}`;
}

@Injectable()
export class ExternalRecordsRepository {
  constructor(@InjectRepository(ExternalRecord) private readonly records: Repository<ExternalRecord>) {}

  async findByExternalId(
    institutionId: number,
    externalId: string,
    manager: EntityManager = this.records.manager,
  ): Promise<StoredExternalRecord | null> {
    const query = this.detailed(manager).where(
      'x.institution_id = :institutionId AND x.external_id = :externalId',
      {
        institutionId,
        externalId,
      },
    );
    return (await this.withDomains(query, manager))[0] ?? null;
  }

  async findById(id: number): Promise<StoredExternalRecord | null> {
    const query = this.detailed(this.records.manager).where('x.id = :id', { id });
    return (await this.withDomains(query, this.records.manager))[0] ?? null;
  }

  /** Inserts the result; a concurrent insert of the same (institution, externalId) fails on the unique key. */
  async insert(manager: EntityManager, row: NewExternalRecord): Promise<number> {
    // updateEntity(false): the generated columns are not read back, nothing here needs them.
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ExternalRecord)
      .values(row)
      .updateEntity(false)
      .execute();
    return insertedId(result);
  }

  /** Results reported by some institutions, latest first; q searches the worker's name, the title and the id. */
  async page(
    institutionIds: number[],
    q: string | undefined,
    skip: number,
    take: number,
  ): Promise<[StoredExternalRecord[], number]> {
    const query = this.filtered(institutionIds, q).orderBy('x.id', 'DESC').offset(skip).limit(take);
    return [
      await this.withDomains(query, this.records.manager),
      await this.filtered(institutionIds, q).getCount(),
    ];
  }

  async *iterate(
    institutionIds: number[],
    q: string | undefined,
    batch = 1000,
  ): AsyncGenerator<StoredExternalRecord> {
    let afterId: number | null = null;
    for (;;) {
      const query = this.filtered(institutionIds, q).orderBy('x.id', 'DESC').limit(batch);
      if (afterId !== null) query.andWhere('x.id < :afterId', { afterId });
      const rows = await this.withDomains(query, this.records.manager);
      yield* rows;
      if (rows.length < batch) return;
      afterId = rows[rows.length - 1].id;
    }
  }

  private filtered(institutionIds: number[], q: string | undefined): SelectQueryBuilder<ExternalRecord> {
    const query = this.detailed(this.records.manager).where('x.institution_id IN (:...institutionIds)', {
      institutionIds: institutionIds.length ? institutionIds : [0],
    });
    const folded = q?.trim();
    if (folded) {
      query.andWhere(
        `(${workerNameContains('x.worker_id')} OR x.title LIKE :raw ESCAPE '!' OR x.external_id = :exact)`,
        {
          nameKey: likeContains(foldVietnamese(folded)),
          raw: likeContains(folded),
          exact: folded,
        },
      );
    }
    return query;
  }

  /** Results with their worker's keys and name (the workers domain's) and institution's name (organisations'). */
  private detailed(manager: EntityManager): SelectQueryBuilder<ExternalRecord> {
    const query = manager.getRepository(ExternalRecord).createQueryBuilder('x');
    selectWorkerIdentity(query, 'x.worker_id');
    return selectInstitutionName(query, 'x.institution_id', 'institution_name');
  }

  /** Adds each result's worker keys and the domains of the learning record it became. */
  private async withDomains(
    query: SelectQueryBuilder<ExternalRecord>,
    manager: EntityManager,
  ): Promise<StoredExternalRecord[]> {
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    if (entities.length === 0) return [];
    const extra = new Map(raw.map((r) => [Number(r.x_id), r]));
    const links: { sourceRef: string; code: string }[] = await manager
      .createQueryBuilder()
      .select(['r.source_ref AS sourceRef', 'rd.domain_code AS code'])
      .from('learning_records', 'r')
      .innerJoin('learning_record_domains', 'rd', 'rd.record_id = r.id')
      .where('r.worker_id IN (:...workerIds) AND r.source = :source AND r.source_ref IN (:...refs)', {
        workerIds: [...new Set(entities.map((e) => e.workerId))],
        source: RecordSource.External,
        refs: entities.map((e) => externalRef(e.id)),
      })
      .getRawMany();
    const domains = new Map<string, DomainCode[]>();
    for (const link of links) {
      if (isDomainCode(link.code))
        domains.set(link.sourceRef, [...(domains.get(link.sourceRef) ?? []), link.code]);
    }
    return entities.map((e) => {
      const r = extra.get(e.id) ?? {};
      return Object.assign(e, {
        workerCccdHash: String(r.worker_cccd_hash),
        workerDateOfBirth: dateOnly(r.worker_date_of_birth) ?? '',
        workerName: String(r.worker_full_name),
        workerCccdEncrypted: String(r.worker_cccd_encrypted),
        institutionName: String(r.institution_name),
        domains: (domains.get(externalRef(e.id)) ?? []).sort(),
      });
    });
  }
}
