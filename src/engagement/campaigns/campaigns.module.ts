import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { CatalogModule } from '../../catalog/catalog.module';
import { LearningRecordsModule } from '../../learning-records/learning-records.module';
import { MaterialsModule } from '../../materials/materials.module';
import { NoticesModule } from '../../notices/notices.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { WorkersModule } from '../../workers/workers.module';
import { BookLogsController } from './book-logs.controller';
import { BookLogsRepository } from './book-logs.repository';
import { BookLogsService } from './book-logs.service';
import { BookLogsApiController, CampaignsApiController } from './campaigns.api.controller';
import { CampaignsController } from './campaigns.controller';
import { CampaignsDemoSeeder } from './campaigns.demo-seeder';
import { BookLogsPersonalData } from './campaigns.personal-data';
import { CampaignsReportSection } from './campaigns.report-section';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { BookLog } from './entities/book-log.entity';
import { CampaignItem } from './entities/campaign-item.entity';
import { CampaignUnit } from './entities/campaign-unit.entity';
import { Campaign } from './entities/campaign.entity';

/**
 * Campaigns and reading (issue 15, item 2): campaigns the federation runs for a period and
 * territory, workers' pages of them, participation from learning records; books workers log and
 * their union officers confirm into LIFE_SKILLS learning records.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Campaign, CampaignUnit, CampaignItem, BookLog]),
    ActivitiesModule,
    CatalogModule,
    LearningRecordsModule,
    MaterialsModule,
    NoticesModule,
    OrganisationsModule,
    UsersModule,
    WorkersModule,
  ],
  controllers: [CampaignsController, BookLogsController, CampaignsApiController, BookLogsApiController],
  providers: [
    CampaignsRepository,
    CampaignsService,
    BookLogsRepository,
    BookLogsService,
    BookLogsPersonalData,
    CampaignsReportSection,
    CampaignsDemoSeeder,
  ],
  exports: [CampaignsService, BookLogsService, CampaignsDemoSeeder],
})
export class CampaignsModule {}
