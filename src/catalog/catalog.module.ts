import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { Quiz, QuizOption, QuizQuestion } from './entities/quiz.entity';

/** Courses, lessons and quizzes, written by institution editors. */
@Module({
  imports: [TypeOrmModule.forFeature([Course, Lesson, Quiz, QuizQuestion, QuizOption])],
  controllers: [],
  providers: [],
  exports: [TypeOrmModule],
})
export class CatalogModule {}
