import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from '../entities/plan.entity';
import { IndicatorSnapshot, IndicatorSnapshotRow } from '../entities/snapshot.entity';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { FiguresApiController } from './figures.api.controller';
import { ReportingPanels } from './reporting-panel';

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
  ],
  controllers: [DashboardController, FiguresApiController],
  providers: [DashboardRepository, DashboardService, ReportingPanels],
  exports: [DashboardRepository, DashboardService, ReportingPanels],
})
export class DashboardModule {}
