import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { LearningModule } from '../learning/learning.module';
import { NoticesModule } from '../notices/notices.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { WorkersModule } from '../workers/workers.module';
import { AssignedCoursesProvider } from './assigned-courses.provider';
import { AssignmentRemindersProcessor } from './assignment-reminders.processor';
import { AssignmentRemindersScheduler } from './assignment-reminders.scheduler';
import { AssignmentsApiController } from './assignments.api.controller';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsPersonalData } from './assignments.personal-data';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { AssignmentWorker } from './entities/assignment-worker.entity';
import { Assignment } from './entities/assignment.entity';
import { TerritoryAssignment } from './entities/territory-assignment.entity';
import { TerritoryAssignmentsApiController } from './territory-assignments.api.controller';
import { TerritoryAssignmentsController } from './territory-assignments.controller';
import { TerritoryAssignmentsRepository } from './territory-assignments.repository';
import { TerritoryAssignmentsService } from './territory-assignments.service';

/**
 * Courses union officers give to their enterprise's workers (and the federation to a territory) with a due date: enrolment through the
 * learning domain, progress per worker, reminders before the due date, and the worker's "Được giao".
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Assignment, AssignmentWorker, TerritoryAssignment]),
    CatalogModule,
    LearningModule,
    NoticesModule,
    OrganisationsModule,
    WorkersModule,
  ],
  controllers: [
    AssignmentsController,
    AssignmentsApiController,
    TerritoryAssignmentsController,
    TerritoryAssignmentsApiController,
  ],
  providers: [
    AssignmentsRepository,
    AssignmentsService,
    TerritoryAssignmentsRepository,
    TerritoryAssignmentsService,
    AssignmentsPersonalData,
    AssignedCoursesProvider,
    AssignmentRemindersProcessor,
    AssignmentRemindersScheduler,
  ],
  exports: [AssignmentsService, AssignmentRemindersScheduler],
})
export class AssignmentsModule {}
