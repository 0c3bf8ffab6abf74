import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { ReportsDataModule } from '../../reports/reports-data.module';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from '../entities/plan.entity';
import { IndicatorSnapshot, IndicatorSnapshotRow } from '../entities/snapshot.entity';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

/**
 * The dashboards of the plan's indicators (province → unit → enterprise). Its snapshot reader and
 * service are exported for the annual reports and reviews, which show the same figures.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Plan,
      PlanIndicator,
      PlanTarget,
      PlanMilestone,
      IndicatorSnapshot,
      IndicatorSnapshotRow,
    ]),
    OrganisationsModule,
    ReportsDataModule,
  ],
  controllers: [DashboardController],
  providers: [DashboardRepository, DashboardService],
  exports: [DashboardRepository, DashboardService],
})
export class DashboardModule {}
