import { LessonImages } from './lesson-images';
import { RemoteImages } from './remote-images';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { UsersModule } from '../users/users.module';
import { CatalogFilesController } from './catalog-files.controller';
import { CatalogDemoSeeder } from './catalog.demo-seeder';
import { PublishedInstitutionsCache } from './published-institutions.cache';
import { CatalogService } from './catalog.service';
import { CoursesApiController } from './courses.api.controller';
import { CoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';
import { LearnerCatalogRepository } from './learner-catalog.repository';
import { Course } from './entities/course.entity';
import { LessonFile } from './entities/lesson-file.entity';
import { Lesson } from './entities/lesson.entity';
import { Quiz, QuizOption, QuizQuestion } from './entities/quiz.entity';
import { LessonsController } from './lessons.controller';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';
import { QuestionBankController } from './question-bank.controller';
import { QuizzesController } from './quizzes.controller';
import { QuizzesRepository } from './quizzes.repository';
import { QuizzesService } from './quizzes.service';

/**
 * Courses, lessons and quizzes, written by institution editors. The learner's side imports this
 * module for CatalogService (published courses, search, lesson files) and LearnerCatalogRepository.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Course, Lesson, LessonFile, Quiz, QuizQuestion, QuizOption, LearningDomain]),
    FilesModule,
    UsersModule,
  ],
  controllers: [
    CoursesController,
    LessonsController,
    QuizzesController,
    QuestionBankController,
    CatalogFilesController,
    CoursesApiController,
  ],
  providers: [
    CoursesRepository,
    LessonsRepository,
    QuizzesRepository,
    CoursesService,
    LessonsService,
    LessonImages,
    RemoteImages,
    QuizzesService,
    CatalogService,
    LearnerCatalogRepository,
    PublishedInstitutionsCache,
    CatalogDemoSeeder,
  ],
  exports: [TypeOrmModule, CatalogService, LearnerCatalogRepository, CatalogDemoSeeder, CoursesRepository],
})
export class CatalogModule {}
