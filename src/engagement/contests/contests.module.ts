import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningRecordsModule } from '../../learning-records/learning-records.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { WorkersModule } from '../../workers/workers.module';
import { ContestsApiController } from './contests.api.controller';
import { ContestsController } from './contests.controller';
import { ContestsDemoSeeder } from './contests.demo-seeder';
import { ContestsPersonalData } from './contests.personal-data';
import { ContestsReportSection } from './contests.report-section';
import { ContestsRepository } from './contests.repository';
import { ContestsService } from './contests.service';
import { ContestEntry } from './entities/contest-entry.entity';
import { ContestQuestion } from './entities/contest-question.entity';
import { ContestRegistration } from './entities/contest-registration.entity';
import { ContestRound } from './entities/contest-round.entity';
import { ContestUnit } from './entities/contest-unit.entity';
import { Contest } from './entities/contest.entity';

/**
 * Movements and contests (issue 15, item 3): skilled-worker contests, theory-review movements and
 * online law quiz contests; taking part becomes a learning record; the year's contests go into the
 * annual report.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Contest,
      ContestUnit,
      ContestRound,
      ContestQuestion,
      ContestRegistration,
      ContestEntry,
    ]),
    LearningRecordsModule,
    OrganisationsModule,
    WorkersModule,
  ],
  controllers: [ContestsController, ContestsApiController],
  providers: [
    ContestsRepository,
    ContestsService,
    ContestsPersonalData,
    ContestsReportSection,
    ContestsDemoSeeder,
  ],
  exports: [ContestsService, ContestsDemoSeeder],
})
export class ContestsModule {}
