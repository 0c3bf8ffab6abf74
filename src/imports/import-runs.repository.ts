import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import { dateTime } from '../database/dialect';
import { ImportRowError } from './entities/import-row-error.entity';
import { ImportKind, ImportRun, ImportStatus } from './entities/import-run.entity';

export type NewImportRun = Pick<
  ImportRun,
  'kind' | 'targetId' | 'uploadedBy' | 'originalName' | 'storedName' | 'sha256'
> &
  Partial<Pick<ImportRun, 'dryRun' | 'previewOfId' | 'sheetIndex'>>;
export type NewImportRowError = Omit<ImportRowError, 'id'>;

export interface ImportCounts {
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
}

const BATCH = 500;

/** Every query of import runs and their row errors. */
@Injectable()
export class ImportRunsRepository {
  constructor(
    @InjectRepository(ImportRun) private readonly runs: Repository<ImportRun>,
    @InjectRepository(ImportRowError) private readonly errors: Repository<ImportRowError>,
  ) {}

  create(data: NewImportRun): Promise<ImportRun> {
    return this.runs.save(
      this.runs.create({
        ...data,
        status: ImportStatus.Queued,
        totalRows: 0,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 0,
        errorCount: 0,
        jobRunId: null,
        fileDeletedAt: null,
        dryRun: data.dryRun ?? false,
        previewOfId: data.previewOfId ?? null,
        sheetIndex: data.sheetIndex ?? 0,
      }),
    );
  }

  findById(id: number, manager?: EntityManager): Promise<ImportRun | null> {
    return (manager ?? this.runs.manager).getRepository(ImportRun).findOne({ where: { id } });
  }

  /** A run of this kind for one of these targets (null: any target), or null. */
  findFor(id: number, kind: ImportKind, targetIds: number[] | null): Promise<ImportRun | null> {
    if (targetIds && targetIds.length === 0) return Promise.resolve(null);
    return this.runs.findOne({ where: { id, kind, ...(targetIds ? { targetId: In(targetIds) } : {}) } });
  }

  /** Runs of this kind for these targets (null: all), newest first. */
  page(
    kind: ImportKind,
    targetIds: number[] | null,
    skip: number,
    take: number,
  ): Promise<[ImportRun[], number]> {
    if (targetIds && targetIds.length === 0) return Promise.resolve([[], 0]);
    return this.runs.findAndCount({
      where: { kind, ...(targetIds ? { targetId: In(targetIds) } : {}) },
      order: { id: 'DESC' },
      skip,
      take,
    });
  }

  /** The run that applies a dry run (the latest, should two have been asked at once). */
  applyOf(previewId: number): Promise<ImportRun | null> {
    return this.runs.findOne({ where: { previewOfId: previewId }, order: { id: 'DESC' } });
  }

  async setJobRun(id: number, jobRunId: number): Promise<void> {
    await this.runs.update({ id }, { jobRunId });
  }

  async markRunning(id: number): Promise<void> {
    await this.runs.update({ id, status: ImportStatus.Queued }, { status: ImportStatus.Running });
  }

  /**
   * Records a chunk's counts if nobody else advanced the run meanwhile (compare-and-set on the
   * checkpoint); false means another run of the same job got there first and this one must stop.
   */
  async advance(
    manager: EntityManager,
    id: number,
    expectedTotalRows: number,
    counts: ImportCounts,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ImportRun)
      .set(counts)
      .where('id = :id AND total_rows = :expectedTotalRows AND status = :running', {
        id,
        expectedTotalRows,
        running: ImportStatus.Running,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async finish(id: number, status: ImportStatus, manager?: EntityManager): Promise<void> {
    await (manager ?? this.runs.manager).getRepository(ImportRun).update({ id }, { status });
  }

  async insertErrors(rows: NewImportRowError[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH)
      await manager
        .createQueryBuilder()
        .insert()
        .into(ImportRowError)
        .values(rows.slice(i, i + BATCH))
        .updateEntity(false)
        .execute();
  }

  errorsPage(importId: number, skip: number, take: number): Promise<[ImportRowError[], number]> {
    return this.errors.findAndCount({
      where: { importId },
      order: { rowNumber: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  async *streamErrors(importId: number, batch = 2000): AsyncGenerator<ImportRowError[]> {
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

  /** Rows of a run that had errors. */
  async errorRowNumbers(importId: number): Promise<Set<number>> {
    const rows = await this.errors
      .createQueryBuilder('x')
      .select('DISTINCT x.row_number', 'rowNumber')
      .where('x.import_id = :importId', { importId })
      .getRawMany<{ rowNumber: number }>();
    return new Set(rows.map((r) => Number(r.rowNumber)));
  }

  /** Finished runs whose file is still kept and was last touched before the cutoff (null: any). */
  dueForFileDeletion(cutoff: Date | null, limit = 500): Promise<ImportRun[]> {
    const query = this.runs
      .createQueryBuilder('r')
      .where('r.file_deleted_at IS NULL AND r.status IN (:...finished)', {
        finished: [ImportStatus.Completed, ImportStatus.Failed],
      })
      .orderBy('r.id', 'ASC')
      .limit(limit);
    if (cutoff) query.andWhere('r.updated_at <= :cutoff', { cutoff });
    return query.getMany();
  }

  async markFileDeleted(id: number, at: Date): Promise<void> {
    await this.runs
      .createQueryBuilder()
      .update(ImportRun)
      .set({ fileDeletedAt: at, updatedAt: () => 'updated_at' })
      .where('id = :id AND file_deleted_at IS NULL', { id })
      .execute();
  }

  /** When the latest run of a kind completed (the roll-up's trigger after bulk roster imports). */
  async latestCompleted(kind: ImportKind): Promise<Date | null> {
    const row = await this.runs
      .createQueryBuilder('r')
      .select('MAX(r.updated_at)', 'at')
      .where('r.kind = :kind AND r.status = :completed', { kind, completed: ImportStatus.Completed })
      .getRawOne<{ at: Date | string | null }>();
    return row?.at ? dateTime(row.at) : null;
  }
}
