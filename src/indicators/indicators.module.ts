import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportsModule } from '../imports/imports.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from './entities/plan.entity';
import { ReportingBody, ReportingBodyMember } from './entities/reporting-body.entity';
import { IndicatorSnapshot, IndicatorSnapshotRow } from './entities/snapshot.entity';
import { IndicatorsPersonalData } from './indicators.personal-data';
import { IndicatorsService } from './indicators.service';
import { PlansApiController } from './plans.api.controller';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { ReportHistory } from './report-history';
import { RollupProcessor } from './rollup.processor';
import { RollupRepository } from './rollup.repository';
import { RollupScheduler } from './rollup.scheduler';
import { RollupService } from './rollup.service';
import { RollupsController } from './rollups.controller';
import { SnapshotsRepository } from './snapshots.repository';

/**
 * Plans, targets and the roll-up of the five indicators. Dashboards and reports read through
 * IndicatorsService (and PlansService for a plan's details).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Plan,
      PlanIndicator,
      PlanTarget,
      PlanMilestone,
      ReportingBody,
      ReportingBodyMember,
      IndicatorSnapshot,
      IndicatorSnapshotRow,
    ]),
    OrganisationsModule,
    LearningRecordsModule,
    ImportsModule,
    DashboardModule,
  ],
  controllers: [PlansController, RollupsController, PlansApiController],
  providers: [
    IndicatorsPersonalData,
    PlansRepository,
    PlansService,
    SnapshotsRepository,
    RollupRepository,
    RollupService,
    RollupProcessor,
    RollupScheduler,
    IndicatorsService,
    ReportHistory,
  ],
  exports: [TypeOrmModule, IndicatorsService, PlansService, RollupService, ReportHistory],
})
export class IndicatorsModule {}
