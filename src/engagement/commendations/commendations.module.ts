import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { FilesModule } from '../../files/files.module';
import { NoticesModule } from '../../notices/notices.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { WorkersModule } from '../../workers/workers.module';
import { CommendationsDemoSeeder } from './commendations.demo-seeder';
import { CommendationsApiController } from './commendations.api.controller';
import { CommendationsController } from './commendations.controller';
import { CommendationsPersonalData } from './commendations.personal-data';
import { CommendationsReportSection } from './commendations.report-section';
import { CommendationsRepository } from './commendations.repository';
import { CommendationsService } from './commendations.service';
import { Commendation, CommendationFile } from './entities/commendation.entity';
import { GoodModel } from './entities/good-model.entity';
import { GoodModelsController } from './good-models.controller';
import { GoodModelsService } from './good-models.service';

/**
 * Commendations and good models (issue 15, item 4): nominations with evidence, the federation's
 * decisions, the honour roll, good models' stories, and the annual report's section on them.
 */
@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([Commendation, CommendationFile, GoodModel]),
    FilesModule,
    NoticesModule,
    OrganisationsModule,
    UsersModule,
    WorkersModule,
  ],
  controllers: [CommendationsController, GoodModelsController, CommendationsApiController],
  providers: [
    CommendationsRepository,
    CommendationsService,
    GoodModelsService,
    CommendationsPersonalData,
    CommendationsReportSection,
    CommendationsDemoSeeder,
  ],
  exports: [CommendationsService, GoodModelsService, CommendationsDemoSeeder],
})
export class CommendationsModule {}
