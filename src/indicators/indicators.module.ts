import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from './entities/plan.entity';
import { ReportingBody, ReportingBodyMember } from './entities/reporting-body.entity';
import { IndicatorSnapshot, IndicatorSnapshotRow } from './entities/snapshot.entity';

/** Plans, targets and the roll-up of the five indicators; dashboards. */
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
  ],
  controllers: [],
  providers: [],
  exports: [TypeOrmModule],
})
export class IndicatorsModule {}
