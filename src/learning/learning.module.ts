import { Module } from '@nestjs/common';
import { LearningDemoSeeder } from './learning.demo-seeder';

@Module({ imports: [], controllers: [], providers: [LearningDemoSeeder], exports: [LearningDemoSeeder] })
export class LearningModule {}
