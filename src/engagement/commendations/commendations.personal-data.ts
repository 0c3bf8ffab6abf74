import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../../common/personal-data/personal-data-providers';
import { CommendationsRepository } from './commendations.repository';
import { Commendation } from './entities/commendation.entity';

/**
 * A worker's nominations (for themselves or their child). Anonymisation forgets the child's name,
 * school and birth year and the achievement's text (which may name the person); the decision stays,
 * so the year's counts do not change.
 */
@Injectable()
export class CommendationsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['commendations'];

  constructor(
    private readonly providers: PersonalDataProviders,
    private readonly repo: CommendationsRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { commendations: [] };
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
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<void> {
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
  }
}
