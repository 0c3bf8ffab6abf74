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

/**
 * Courses union officers give to their enterprise's workers with a due date: enrolment through the
 * learning domain, progress per worker, reminders before the due date, and the worker's "Được giao".
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Assignment, AssignmentWorker]),
    CatalogModule,
    LearningModule,
    NoticesModule,
    OrganisationsModule,
    WorkersModule,
  ],
  controllers: [AssignmentsController, AssignmentsApiController],
  providers: [
    AssignmentsRepository,
    AssignmentsService,
    AssignmentsPersonalData,
    AssignedCoursesProvider,
    AssignmentRemindersProcessor,
    AssignmentRemindersScheduler,
  ],
  exports: [AssignmentsService, AssignmentRemindersScheduler],
})
export class AssignmentsModule {}
