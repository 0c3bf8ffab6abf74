import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ReportingBody, ReportingBodyMember } from '../indicators/entities/reporting-body.entity';
import { AnnualReport, AnnualReportStatus } from './entities/annual-report.entity';

export type NewAnnualReport = Omit<AnnualReport, 'id' | 'createdAt' | 'updatedAt'>;

/** Reporting bodies, their members and their annual reports. */
@Injectable()
export class ReportsRepository {
  constructor(
    @InjectRepository(ReportingBody) private readonly bodies: Repository<ReportingBody>,
    @InjectRepository(ReportingBodyMember) private readonly members: Repository<ReportingBodyMember>,
    @InjectRepository(AnnualReport) private readonly reports: Repository<AnnualReport>,
  ) {}

  bodiesOf(planId: number): Promise<ReportingBody[]> {
    return this.bodies.find({ where: { planId }, order: { position: 'ASC', id: 'ASC' } });
  }

  findBody(id: number): Promise<ReportingBody | null> {
    return this.bodies.findOne({ where: { id } });
  }

  /** Ids of the bodies a user is a member of. */
  async bodyIdsOfMember(userId: number): Promise<number[]> {
    const rows = await this.members.find({ select: ['bodyId'], where: { userId } });
    return rows.map((r) => r.bodyId);
  }

  isMember(bodyId: number, userId: number): Promise<boolean> {
    return this.members.exists({ where: { bodyId, userId } });
  }

  async addMember(
    bodyId: number,
    userId: number,
    manager: EntityManager = this.members.manager,
  ): Promise<void> {
    const repo = manager.getRepository(ReportingBodyMember);
    if (await repo.exists({ where: { bodyId, userId } })) return;
    await repo.insert({ bodyId, userId });
  }

  /** Every version of the reports of a plan and year (for the status list). */
  reportsOf(planId: number, year: number): Promise<AnnualReport[]> {
    return this.reports.find({ where: { planId, year }, order: { bodyId: 'ASC', version: 'ASC' } });
  }

  versions(planId: number, bodyId: number, year: number, manager: EntityManager = this.reports.manager) {
    return manager
      .getRepository(AnnualReport)
      .find({ where: { planId, bodyId, year }, order: { version: 'ASC' } });
  }

  planHasReports(planId: number): Promise<boolean> {
    return this.reports.exists({ where: { planId } });
  }

  /** Which of these snapshots a report was written from. */
  async reportedSnapshotIds(snapshotIds: number[]): Promise<Set<number>> {
    if (snapshotIds.length === 0) return new Set();
    const rows = await this.reports.find({ select: ['snapshotId'], where: { snapshotId: In(snapshotIds) } });
    return new Set(rows.map((r) => Number(r.snapshotId)));
  }

  findReport(id: number): Promise<AnnualReport | null> {
    return this.reports.findOne({ where: { id } });
  }

  insert(data: NewAnnualReport, manager: EntityManager): Promise<AnnualReport> {
    const repo = manager.getRepository(AnnualReport);
    return repo.save(repo.create(data));
  }

  /** Changes a draft; false when the version is no longer a draft (someone submitted it meanwhile). */
  async updateDraft(id: number, changes: Partial<AnnualReport>, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(AnnualReport)
      .update({ id, status: AnnualReportStatus.Draft }, changes);
    return (result.affected ?? 0) > 0;
  }

  async markSuperseded(ids: number[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .getRepository(AnnualReport)
      .update(
        { id: In(ids), status: AnnualReportStatus.Submitted },
        { status: AnnualReportStatus.Superseded },
      );
  }
}
