import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { WorkersModule } from '../../workers/workers.module';
import { SurveyCode, SurveyCodeAttempt } from './entities/survey-code.entity';
import { SurveyAnswer, SurveyResponse } from './entities/survey-response.entity';
import { Survey, SurveyEnterprise, SurveyQuestion, SurveyTarget } from './entities/survey.entity';
import { SurveyAnsweringService } from './survey-answering.service';
import { SurveyCodeController } from './survey-code.controller';
import { SurveyResultsService } from './survey-results.service';
import { SurveysApiController } from './surveys.api.controller';
import { SurveysController } from './surveys.controller';
import { SurveysDemoSeeder } from './surveys.demo-seeder';
import { SurveysPersonalData } from './surveys.personal-data';
import { SurveysReportSection } from './surveys.report-section';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

/**
 * Learning-needs surveys (issue 15, item 1): built by the federation or a department, answered
 * once by workers (signed in or with an officer's code), read as aggregates, and summed up in the
 * annual report.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Survey,
      SurveyQuestion,
      SurveyTarget,
      SurveyEnterprise,
      SurveyCode,
      SurveyCodeAttempt,
      SurveyResponse,
      SurveyAnswer,
    ]),
    OrganisationsModule,
    UsersModule,
    WorkersModule,
  ],
  controllers: [SurveyCodeController, SurveysController, SurveysApiController],
  providers: [
    SurveysRepository,
    SurveysService,
    SurveyAnsweringService,
    SurveyResultsService,
    SurveysPersonalData,
    SurveysReportSection,
    SurveysDemoSeeder,
  ],
  exports: [SurveysDemoSeeder],
})
export class SurveysModule {}
