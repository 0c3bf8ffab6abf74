import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../activities/activities.module';
import { LearningRecordsModule } from '../../learning-records/learning-records.module';
import { NoticesModule } from '../../notices/notices.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { WorkersModule } from '../../workers/workers.module';
import { CitizenshipDataModule } from '../citizenship-data.module';
import { CitizenshipApplicationsService } from './citizenship-applications.service';
import { CriteriaSetsApiController } from './criteria/criteria-sets.api.controller';
import { CriteriaSetsController } from './criteria/criteria-sets.controller';
import { CriteriaSetsRepository } from './criteria/criteria-sets.repository';
import { CriteriaSetsService } from './criteria/criteria-sets.service';
import { BatchEvaluationController } from './evaluation/batch-evaluation.controller';
import { BatchEvaluationService } from './evaluation/batch-evaluation.service';
import { EvaluationRequests } from './evaluation/evaluation-requests';
import { CitizenshipEvaluationJobs } from './evaluation/evaluation.jobs';
import { EvaluationService } from './evaluation/evaluation.service';
import { EvaluationsRepository } from './evaluation/evaluations.repository';
import { ApplicationsRepository } from './worker-year/applications.repository';
import { WorkerYearController } from './worker-year/worker-year.controller';
import { WorkerYearService } from './worker-year/worker-year.service';

/**
 * Criteria sets, the worker's year (registration, plan, self-assessment) and evaluation.
 * Exports CitizenshipApplicationsService (applications and their evaluation, for the review chain),
 * CriteriaSetsService (versions and their content) and WorkerYearService (the worker's steps).
 */
@Module({
  imports: [
    CitizenshipDataModule,
    LearningRecordsModule,
    OrganisationsModule,
    WorkersModule,
    ActivitiesModule,
    NoticesModule,
  ],
  // /citizenship/criteria and /citizenship/evaluation before the worker's /citizenship pages.
  controllers: [
    CriteriaSetsController,
    BatchEvaluationController,
    WorkerYearController,
    CriteriaSetsApiController,
  ],
  providers: [
    CriteriaSetsRepository,
    CriteriaSetsService,
    ApplicationsRepository,
    WorkerYearService,
    EvaluationsRepository,
    EvaluationService,
    EvaluationRequests,
    CitizenshipEvaluationJobs,
    BatchEvaluationService,
    CitizenshipApplicationsService,
  ],
  // ActivitiesModule too: the demo seed (citizenship.demo-seeder.ts) records a reading club with it.
  exports: [CitizenshipApplicationsService, CriteriaSetsService, WorkerYearService, ActivitiesModule],
})
export class CitizenshipApplicationsModule {}
