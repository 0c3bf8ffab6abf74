import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { LearningDomain } from './entities/learning-domain.entity';
import { LearningRecord } from './entities/learning-record.entity';
import { WorkerLearningSummary, WorkerLearningYear } from './entities/worker-learning-summary.entity';
import { LearningRecordEvents } from './learning-record-events';
import { LearningRecordsRepository } from './learning-records.repository';
import { LearningRecordsService } from './learning-records.service';

/** The learning-record store every other learning feature writes to and the indicators read. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LearningDomain, LearningRecord, WorkerLearningSummary, WorkerLearningYear]),
    OrganisationsModule,
  ],
  providers: [LearningRecordsRepository, LearningRecordsService, LearningRecordEvents],
  exports: [LearningRecordsService, LearningRecordEvents, LearningRecordsRepository],
})
export class LearningRecordsModule {}
