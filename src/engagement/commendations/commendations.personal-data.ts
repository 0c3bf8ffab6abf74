import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AfterCommit,
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../../common/personal-data/personal-data-providers';
import { FilesService } from '../../files/files.service';
import { CommendationsRepository } from './commendations.repository';
import { Commendation } from './entities/commendation.entity';

/**
 * A worker's nominations (for themselves or their child) and their evidence files. Anonymisation
 * forgets the child's name, school and birth year and the achievement's text (which may name the
 * person), and deletes the evidence (certificates, photos of the person or their child): the links
 * and file rows in the anonymisation's transaction, the bytes once it has committed. The decision
 * stays, so the year's counts do not change.
 */
@Injectable()
export class CommendationsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['commendations', 'commendation_files'];

  constructor(
    private readonly providers: PersonalDataProviders,
    private readonly repo: CommendationsRepository,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { commendations: [], commendationFiles: [] };
    const links = await this.repo.evidenceOfWorker(subject.workerId);
    const files = new Map(
      (await this.files.findByIds(links.map((l) => l.fileId))).map((f) => [f.id, f] as const),
    );
    return {
      commendations: (await this.repo.ofWorker(subject.workerId)).map((c) => ({
        id: c.id,
        year: c.year,
        kind: c.kind,
        enterprise_id: c.enterpriseId,
        child_name: c.childName,
        child_birth_year: c.childBirthYear,
        child_school: c.childSchool,
        achievement: c.achievement,
        status: c.status,
        decision_reason: c.decisionReason,
        decided_at: c.decidedAt,
        created_at: c.createdAt,
      })),
      commendationFiles: links
        .filter((l) => files.has(l.fileId))
        .map((l) => ({
          commendation_id: l.commendationId,
          file_name: files.get(l.fileId)!.originalName,
          size_bytes: files.get(l.fileId)!.sizeBytes,
          created_at: files.get(l.fileId)!.createdAt,
        })),
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<AfterCommit | void> {
    if (subject.workerId === null) return;
    await manager
      .getRepository(Commendation)
      .update(
        { workerId: subject.workerId },
        { achievement: ANONYMOUS.statement, childSchool: null, childBirthYear: null },
      );
    await manager
      .createQueryBuilder()
      .update(Commendation)
      .set({ childName: `Con của người lao động ẩn danh #${subject.workerId}` })
      .where('worker_id = :workerId AND child_name IS NOT NULL', { workerId: subject.workerId })
      .execute();
    const links = await this.repo.evidenceOfWorker(subject.workerId, manager);
    if (links.length === 0) return;
    const files = await this.files.findByIds(links.map((l) => l.fileId));
    await this.repo.removeFileLinks(
      manager,
      links.map((l) => l.id),
    );
    return this.files.removeRows(files, manager);
  }
}
