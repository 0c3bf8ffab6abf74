import { Module } from '@nestjs/common';
import { ReportHistoryProvider } from './report-history.provider';
import { ReportingPanelProvider } from './reporting-panel.provider';
import { DashboardModule } from '../indicators/dashboard/dashboard.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ReportsApiController } from './reports.api.controller';
import { ReportsController } from './reports.controller';
import { ReportsDataModule } from './reports-data.module';
import { ReportsDemoSeeder } from './reports.demo-seeder';
import { ReportsService } from './reports.service';
import { StocktakesController } from './stocktakes.controller';
import { StocktakesService } from './stocktakes.service';

/** Annual reports (01/12 and 15/12), mid-term and final stocktakes, and their exports. */
@Module({
  imports: [ReportsDataModule, IndicatorsModule, DashboardModule, OrganisationsModule, UsersModule],
  // The stocktakes first: their path (/reports/reviews) is more specific than the reports'.
  controllers: [StocktakesController, ReportsController, ReportsApiController],
  providers: [
    ReportsService,
    StocktakesService,
    ReportsDemoSeeder,
    ReportingPanelProvider,
    ReportHistoryProvider,
  ],
  exports: [ReportsService, ReportsDemoSeeder],
})
export class ReportsModule {}
