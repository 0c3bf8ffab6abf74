import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportingBody, ReportingBodyMember } from '../indicators/entities/reporting-body.entity';
import { AnnualReport } from './entities/annual-report.entity';
import { ReportingStatusService } from './reporting-status.service';
import { ReportsRepository } from './reports.repository';

/**
 * The annual reports' storage and who-has-submitted, on their own so that the dashboard can show
 * the deadlines without depending on the reports' pages (which depend on the dashboard's figures).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport, ReportingBody, ReportingBodyMember])],
  providers: [ReportsRepository, ReportingStatusService],
  exports: [ReportsRepository, ReportingStatusService],
})
export class ReportsDataModule {}
