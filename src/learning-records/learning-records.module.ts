import { ImportsModule } from '../imports/imports.module';
import { HistoryTraining } from './entities/history-training.entity';
import { HistoryTrainingsRepository } from './history/history-trainings.repository';
import { ResultsHistoryImport } from './history/results-history.import';
import { TrainingsHistoryImport } from './history/trainings-history.import';
import { Module } from '@nestjs/common';
import { LearningRecordsPersonalData } from './learning-records.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { WorkersModule } from '../workers/workers.module';
import { ExternalRecord } from './entities/external-record.entity';
import { InstitutionPartnership } from './entities/institution-partnership.entity';
import { LearningDomain } from './entities/learning-domain.entity';
import { LearningRecord } from './entities/learning-record.entity';
import { WorkerLearningSummary, WorkerLearningYear } from './entities/worker-learning-summary.entity';
import { ExternalRecordsApiController } from './external-records.api.controller';
import { ExternalRecordsController } from './external-records.controller';
import { ExternalRecordsRepository } from './external-records.repository';
import { ExternalRecordsService } from './external-records.service';
import { LearningRecordEvents } from './learning-record-events';
import { LearningRecordsApiController } from './learning-records.api.controller';
import { LearningRecordsController } from './learning-records.controller';
import { LearningRecordsRepository } from './learning-records.repository';
import { LearningRecordsService } from './learning-records.service';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

/**
 * The learning-record store every other learning feature writes to and the indicators read; the
 * results training institutions report from outside, and the partnerships that allow them.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      LearningDomain,
      LearningRecord,
      WorkerLearningSummary,
      WorkerLearningYear,
      InstitutionPartnership,
      ExternalRecord,
      HistoryTraining,
    ]),
    ImportsModule,
    OrganisationsModule,
    WorkersModule,
  ],
  controllers: [
    LearningRecordsController,
    ExternalRecordsController,
    PartnershipsController,
    LearningRecordsApiController,
    ExternalRecordsApiController,
  ],
  providers: [
    LearningRecordsPersonalData,
    LearningRecordsRepository,
    LearningRecordsService,
    LearningRecordEvents,
    PartnershipsRepository,
    PartnershipsService,
    ExternalRecordsRepository,
    ExternalRecordsService,
    HistoryTrainingsRepository,
    TrainingsHistoryImport,
    ResultsHistoryImport,
  ],
  exports: [
    LearningRecordsService,
    LearningRecordEvents,
    LearningRecordsRepository,
    PartnershipsService,
    ExternalRecordsService,
  ],
})
export class LearningRecordsModule {}
