import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { HomeController } from './home.controller';

@Module({ imports: [LearningModule], controllers: [HomeController] })
export class HomeModule {}
