import { Module } from '@nestjs/common';
import { SurveysModule } from './surveys/surveys.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CommendationsModule } from './commendations/commendations.module';
import { SupportModule } from './support/support.module';
import { ContestsModule } from './contests/contests.module';

/**
 * Engagement (issue 15): what the plan asks beyond courses — learning-needs surveys, campaigns and
 * reading, movements and contests, commendations and good models, enterprises' support. One folder
 * per part under src/engagement/, each with its own module, tables and tests; this module gathers
 * them for the application. Each part reads other domains through their exported services, adds
 * its section to the annual report through ReportSections, and publishes "figures changed" when it
 * creates learning records.
 */
@Module({
  imports: [SurveysModule, CampaignsModule, CommendationsModule, SupportModule, ContestsModule],
})
export class EngagementModule {}
