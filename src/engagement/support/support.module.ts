import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { EnterpriseSupport } from './entities/enterprise-support.entity';
import { SupportApiController } from './support.api.controller';
import { SupportController } from './support.controller';
import { SupportDemoSeeder } from './support.demo-seeder';
import { SupportReportSection } from './support.report-section';
import { SupportRepository } from './support.repository';
import { SupportService } from './support.service';

/** Enterprises' support to learning (issue 15, item 5): declarations, totals, the report's section. */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseSupport]), OrganisationsModule, UsersModule],
  controllers: [SupportController, SupportApiController],
  providers: [SupportRepository, SupportService, SupportReportSection, SupportDemoSeeder],
  exports: [SupportService, SupportDemoSeeder],
})
export class SupportModule {}
