import { Module } from '@nestjs/common';
import { CitizenshipDataModule } from '../citizenship-data.module';

/** Criteria sets, the worker's year (registration, plan, self-assessment) and evaluation. */
@Module({ imports: [CitizenshipDataModule], controllers: [], providers: [], exports: [] })
export class CitizenshipApplicationsModule {}
