import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { RosterImportError } from './entities/roster-import-error.entity';
import { RosterImport, RosterImportStatus } from './entities/roster-import.entity';

export type NewRosterImport = Pick<
  RosterImport,
  'enterpriseId' | 'uploadedBy' | 'originalName' | 'storedName' | 'sha256'
>;
export type NewRosterImportError = Omit<RosterImportError, 'id'>;

export interface RosterImportCounts {
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
}

export interface RosterImportListItem extends RosterImport {
  enterpriseName: string;
}

@Injectable()
export class RosterImportsRepository {
  constructor(
    @InjectRepository(RosterImport) private readonly imports: Repository<RosterImport>,
    @InjectRepository(RosterImportError) private readonly errors: Repository<RosterImportError>,
  ) {}

  create(data: NewRosterImport): Promise<RosterImport> {
    return this.imports.save(
      this.imports.create({
        ...data,
        status: RosterImportStatus.Queued,
        totalRows: 0,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 0,
        errorCount: 0,
        jobRunId: null,
      }),
    );
  }

  findById(id: number, manager?: EntityManager): Promise<RosterImport | null> {
    return (manager ?? this.imports.manager).getRepository(RosterImport).findOne({ where: { id } });
  }

  async findInScope(id: number, scope: EnterpriseScope): Promise<RosterImportListItem | null> {
    const query = this.listQuery(scope).andWhere('i.id = :id', { id });
    const [item] = await this.withNames(query);
    return item ?? null;
  }

  async page(scope: EnterpriseScope, skip: number, take: number): Promise<[RosterImportListItem[], number]> {
    const query = this.listQuery(scope).orderBy('i.id', 'DESC').offset(skip).limit(take);
    return Promise.all([this.withNames(query), query.getCount()]);
  }

  async setJobRun(id: number, jobRunId: number): Promise<void> {
    await this.imports.update({ id }, { jobRunId });
  }

  async markRunning(id: number): Promise<void> {
    await this.imports.update(
      { id, status: RosterImportStatus.Queued },
      { status: RosterImportStatus.Running },
    );
  }

  /**
   * Records a chunk's counts if nobody else advanced the import meanwhile (compare-and-set on the
   * checkpoint); false means another run of the same job got there first and this one must stop.
   */
  async advance(
    manager: EntityManager,
    id: number,
    expectedTotalRows: number,
    counts: RosterImportCounts,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RosterImport)
      .set(counts)
      .where('id = :id AND total_rows = :expectedTotalRows AND status = :running', {
        id,
        expectedTotalRows,
        running: RosterImportStatus.Running,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async finish(id: number, status: RosterImportStatus, manager?: EntityManager): Promise<void> {
    await (manager ?? this.imports.manager).getRepository(RosterImport).update({ id }, { status });
  }

  async insertErrors(rows: NewRosterImportError[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RosterImportError)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    }
  }

  errorsPage(importId: number, skip: number, take: number): Promise<[RosterImportError[], number]> {
    return this.errors.findAndCount({
      where: { importId },
      order: { rowNumber: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  async *streamErrors(importId: number, batch = 2000): AsyncGenerator<RosterImportError[]> {
    let afterId = 0;
    for (;;) {
      const rows = await this.errors.find({
        where: { importId, id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: batch,
      });
      if (rows.length === 0) return;
      yield rows;
      afterId = rows[rows.length - 1].id;
    }
  }

  /** Rows of an import that had errors (the bulk activation codes leave them out). */
  async errorRowNumbers(importId: number): Promise<Set<number>> {
    const rows = await this.errors
      .createQueryBuilder('x')
      .select('DISTINCT x.row_number', 'rowNumber')
      .where('x.import_id = :importId', { importId })
      .getRawMany<{ rowNumber: number }>();
    return new Set(rows.map((r) => Number(r.rowNumber)));
  }

  private listQuery(scope: EnterpriseScope) {
    const query = this.imports
      .createQueryBuilder('i')
      .innerJoin(Enterprise, 'ent', 'ent.id = i.enterprise_id')
      .addSelect('ent.name');
    return whereEnterpriseInScope(query, 'i.enterprise_id', scope);
  }

  private async withNames(
    query: ReturnType<RosterImportsRepository['listQuery']>,
  ): Promise<RosterImportListItem[]> {
    const { entities, raw } = await query.getRawAndEntities<{ i_id: number; ent_name: string }>();
    const names = new Map(raw.map((r) => [Number(r.i_id), r.ent_name]));
    return entities.map((i) => Object.assign(i, { enterpriseName: names.get(i.id) ?? '' }));
  }
}
