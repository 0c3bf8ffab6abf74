import { Module } from '@nestjs/common';
import { LearningPersonalData } from './learning.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { UsersModule } from '../users/users.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { WorkersModule } from '../workers/workers.module';
import { CourseStatsApiController } from './course-stats.api.controller';
import { CourseStatsController } from './course-stats.controller';
import { CourseStatsRepository } from './course-stats.repository';
import { CourseStatsService } from './course-stats.service';
import { LearnerCatalogController } from './learner-catalog.controller';
import { LearnerCatalogService } from './learner-catalog.service';
import { AssignedCourses } from './assigned-courses';
import { CertificatesService } from './certificates.service';
import { CourseCertificate } from './entities/course-certificate.entity';
import { Enrolment } from './entities/enrolment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import { QuizAttempt, QuizAttemptAnswer, QuizDraw } from './entities/quiz-attempt.entity';
import { LearningApiController } from './learning.api.controller';
import { LearningController } from './learning.controller';
import { LearningDemoSeeder } from './learning.demo-seeder';
import { LearningRepository } from './learning.repository';
import { LearningService } from './learning.service';
import { MyLearningService } from './my-learning.service';
import { VerifyApiController } from './verify.api.controller';
import { VerifyController } from './verify.controller';

/**
 * Workers learning online: the public catalog, enrolments, lessons, time spent and quizzes, the
 * completion rules that turn a finished course into one learning record and a certificate, the
 * worker's home and history, and the public check of certificates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Enrolment,
      LessonProgress,
      QuizAttempt,
      QuizDraw,
      QuizAttemptAnswer,
      CourseCertificate,
    ]),
    CatalogModule,
    LearningRecordsModule,
    OrganisationsModule,
    UsersModule,
    WorkersModule,
  ],
  controllers: [
    LearnerCatalogController,
    LearningController,
    VerifyController,
    LearningApiController,
    VerifyApiController,
    CourseStatsController,
    CourseStatsApiController,
  ],
  providers: [
    AssignedCourses,
    LearningPersonalData,
    LearningRepository,
    LearnerCatalogService,
    LearningService,
    MyLearningService,
    CertificatesService,
    LearningDemoSeeder,
    CourseStatsRepository,
    CourseStatsService,
  ],
  exports: [LearningService, MyLearningService, CertificatesService, LearningDemoSeeder, AssignedCourses],
})
export class LearningModule {}
