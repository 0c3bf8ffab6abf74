import { Module } from '@nestjs/common';
import { ActivitiesDemoSeeder } from './activities.demo-seeder';

@Module({ imports: [], controllers: [], providers: [ActivitiesDemoSeeder], exports: [ActivitiesDemoSeeder] })
export class ActivitiesModule {}
