import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { WorkersModule } from '../workers/workers.module';
import { CitizenshipApplicationsModule } from './applications/applications.module';
import { CitizenshipDemoSeeder } from './citizenship.demo-seeder';
import { CitizenshipPersonalData } from './citizenship.personal-data';
import { CitizenshipDataModule } from './citizenship-data.module';
import { CitizenshipHistoryModule } from './history/citizenship-history.module';
import { CitizenshipReviewModule } from './review/review.module';

/** "Công dân học tập": criteria, applications, evaluation, review, recognition and certificates. */
@Module({
  imports: [
    CitizenshipDataModule,
    CitizenshipApplicationsModule,
    CitizenshipReviewModule,
    CitizenshipHistoryModule,
    UsersModule,
    WorkersModule,
    OrganisationsModule,
  ],
  providers: [CitizenshipDemoSeeder, CitizenshipPersonalData],
  exports: [CitizenshipDemoSeeder],
})
export class CitizenshipModule {}
