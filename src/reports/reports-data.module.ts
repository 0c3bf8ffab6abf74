import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportingBody, ReportingBodyMember } from '../indicators/entities/reporting-body.entity';
import { AnnualReport } from './entities/annual-report.entity';
import { ReportingStatusService } from './reporting-status.service';
import { ReportsRepository } from './reports.repository';

/**
 * The annual reports' storage and who-has-submitted, for the reports' pages and the dashboard's
 * reporting panel (reporting-panel.provider.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport, ReportingBody, ReportingBodyMember])],
  providers: [ReportsRepository, ReportingStatusService],
  exports: [ReportsRepository, ReportingStatusService],
})
export class ReportsDataModule {}
