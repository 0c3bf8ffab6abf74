import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository, SelectQueryBuilder } from 'typeorm';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { AttendanceImportError } from './entities/attendance-import-error.entity';
import { AttendanceImport, AttendanceImportStatus } from './entities/attendance-import.entity';

export type NewAttendanceImport = Pick<
  AttendanceImport,
  'sessionId' | 'uploadedBy' | 'originalName' | 'storedName' | 'sha256'
>;
export type NewAttendanceImportError = Omit<AttendanceImportError, 'id'>;

export interface AttendanceImportCounts {
  totalRows: number;
  recordedCount: number;
  unchangedCount: number;
  errorCount: number;
}

const BATCH = 500;

@Injectable()
export class AttendanceImportsRepository {
  constructor(
    @InjectRepository(AttendanceImport) private readonly imports: Repository<AttendanceImport>,
    @InjectRepository(AttendanceImportError) private readonly errors: Repository<AttendanceImportError>,
  ) {}

  create(data: NewAttendanceImport): Promise<AttendanceImport> {
    return this.imports.save(
      this.imports.create({
        ...data,
        status: AttendanceImportStatus.Queued,
        totalRows: 0,
        recordedCount: 0,
        unchangedCount: 0,
        errorCount: 0,
        jobRunId: null,
      }),
    );
  }

  findById(id: number): Promise<AttendanceImport | null> {
    return this.imports.findOne({ where: { id } });
  }

  /** An import of a session whose enterprise is in scope. */
  findInScope(id: number, sessionId: number, scope: EnterpriseScope): Promise<AttendanceImport | null> {
    return this.scoped(scope)
      .andWhere('i.id = :id AND i.session_id = :sessionId', { id, sessionId })
      .getOne();
  }

  async pageForSession(sessionId: number, skip: number, take: number): Promise<[AttendanceImport[], number]> {
    return this.imports.findAndCount({ where: { sessionId }, order: { id: 'DESC' }, skip, take });
  }

  private scoped(scope: EnterpriseScope): SelectQueryBuilder<AttendanceImport> {
    const query = this.imports
      .createQueryBuilder('i')
      .innerJoin('learning_sessions', 's', 's.id = i.session_id');
    return whereEnterpriseInScope(query, 's.enterprise_id', scope);
  }

  async setJobRun(id: number, jobRunId: number): Promise<void> {
    await this.imports.update({ id }, { jobRunId });
  }

  async markRunning(id: number): Promise<void> {
    await this.imports.update(
      { id, status: AttendanceImportStatus.Queued },
      { status: AttendanceImportStatus.Running },
    );
  }

  /**
   * Records a chunk's counts if nobody advanced the import meanwhile (compare-and-set on the
   * checkpoint); false when another run of the same job got there first.
   */
  async advance(
    manager: EntityManager,
    id: number,
    expectedTotalRows: number,
    counts: AttendanceImportCounts,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AttendanceImport)
      .set(counts)
      .where('id = :id AND total_rows = :expectedTotalRows AND status = :running', {
        id,
        expectedTotalRows,
        running: AttendanceImportStatus.Running,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async finish(id: number, status: AttendanceImportStatus, manager?: EntityManager): Promise<void> {
    await (manager ?? this.imports.manager).getRepository(AttendanceImport).update({ id }, { status });
  }

  async insertErrors(rows: NewAttendanceImportError[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AttendanceImportError)
        .values(rows.slice(i, i + BATCH))
        .updateEntity(false)
        .execute();
    }
  }

  errorsPage(importId: number, skip: number, take: number): Promise<[AttendanceImportError[], number]> {
    return this.errors.findAndCount({
      where: { importId },
      order: { rowNumber: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  async *streamErrors(importId: number, batch = 2000): AsyncGenerator<AttendanceImportError> {
    let afterId = 0;
    for (;;) {
      const rows = await this.errors.find({
        where: { importId, id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: batch,
      });
      yield* rows;
      if (rows.length < batch) return;
      afterId = rows[rows.length - 1].id;
    }
  }
}
