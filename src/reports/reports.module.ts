import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsModule } from '../indicators/indicators.module';
import { AnnualReport } from './entities/annual-report.entity';

/** Annual reports (01/12 and 15/12), mid-term and final reviews, and their exports. */
@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport]), IndicatorsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class ReportsModule {}
