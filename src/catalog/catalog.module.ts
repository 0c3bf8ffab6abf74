import { Module } from '@nestjs/common';
import { CatalogDemoSeeder } from './catalog.demo-seeder';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { Quiz, QuizOption, QuizQuestion } from './entities/quiz.entity';

/** Courses, lessons and quizzes, written by institution editors. */
@Module({
  imports: [TypeOrmModule.forFeature([Course, Lesson, Quiz, QuizQuestion, QuizOption])],
  controllers: [],
  providers: [CatalogDemoSeeder],
  exports: [TypeOrmModule, CatalogDemoSeeder],
})
export class CatalogModule {}
