import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { EnterpriseSupport } from './entities/enterprise-support.entity';
import { SupportApiController } from './support.api.controller';
import { SupportController } from './support.controller';
import { SupportReportSection } from './support.report-section';
import { SupportRepository } from './support.repository';
import { SupportService } from './support.service';

/** Enterprises' support to learning (issue 15, item 5): declarations, totals, the report's section. */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseSupport]), OrganisationsModule],
  controllers: [SupportController, SupportApiController],
  providers: [SupportRepository, SupportService, SupportReportSection],
  exports: [SupportService],
})
export class SupportModule {}
