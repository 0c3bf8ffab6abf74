import { ReportsModule } from '../reports/reports.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SurveysModule } from '../engagement/surveys/surveys.module';
import { CitizenshipModule } from '../citizenship/citizenship.module';
import { ActivitiesModule } from '../activities/activities.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LearningModule } from '../learning/learning.module';
import { MaterialsModule } from '../materials/materials.module';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { WorkersModule } from '../workers/workers.module';
import { CampaignsModule } from '../engagement/campaigns/campaigns.module';
import { ContestsModule } from '../engagement/contests/contests.module';
import { DemoSeeder } from './demo.seeder';
import { ReferenceSeeder } from './reference.seeder';
import { SeedRunner } from './seed.runner';
import { CommendationsModule } from '../engagement/commendations/commendations.module';
import { SupportModule } from '../engagement/support/support.module';

@Module({
  imports: [
    UsersModule,
    AuthModule,
    OrganisationsModule,
    WorkersModule,
    CatalogModule,
    MaterialsModule,
    LearningModule,
    ActivitiesModule,
    CitizenshipModule,
    ReportsModule,
    PrivacyModule,
    SurveysModule,
    CampaignsModule,
    CommendationsModule,
    SupportModule,
    ContestsModule,
  ],
  providers: [SeedRunner, ReferenceSeeder, DemoSeeder],
  exports: [SeedRunner],
})
export class SeedModule {}
