import { Module } from '@nestjs/common';
import { ActivitiesPersonalData } from './activities.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportsModule } from '../imports/imports.module';
import { WorkersModule } from '../workers/workers.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ActivitiesApiController } from './activities.api.controller';
import { ActivitiesController } from './activities.controller';
import { ActivitiesDemoSeeder } from './activities.demo-seeder';
import { AttendanceRowValidator } from './attendance-file/attendance-row.validator';
import { AttendanceImportsController } from './attendance-imports.controller';
import { AttendanceImportsService } from './attendance-imports.service';
import { AttendanceService } from './attendance.service';
import { CheckinController } from './checkin.controller';
import { LearningSession } from './entities/learning-session.entity';
import { SessionAttendance } from './entities/session-attendance.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** In-person learning: sessions union officers organise, and attendance as learning records. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LearningSession, SessionAttendance]),
    OrganisationsModule,
    LearningRecordsModule,
    ImportsModule,
    WorkersModule,
    UsersModule,
  ],
  // The imports' controller first: its /activities/attendance-template.xlsx must not be read as /activities/:id.
  controllers: [
    AttendanceImportsController,
    ActivitiesController,
    CheckinController,
    ActivitiesApiController,
  ],
  providers: [
    ActivitiesPersonalData,
    SessionsRepository,
    SessionsService,
    AttendanceService,
    AttendanceImportsService,
    AttendanceRowValidator,
    ActivitiesDemoSeeder,
  ],
  exports: [SessionsService, AttendanceService, AttendanceImportsService, ActivitiesDemoSeeder],
})
export class ActivitiesModule {}
