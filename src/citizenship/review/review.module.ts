import { Module } from '@nestjs/common';
import { CitizenshipDataModule } from '../citizenship-data.module';

/** The review chain (officer, association), recognitions and certificates, and the funnel report. */
@Module({ imports: [CitizenshipDataModule], controllers: [], providers: [], exports: [] })
export class CitizenshipReviewModule {}
