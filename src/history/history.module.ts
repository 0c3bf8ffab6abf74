import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { HistoryImportsApiController } from './history-imports.api.controller';
import { HistoryImportsController } from './history-imports.controller';
import { HistoryImportsService } from './history-imports.service';

/**
 * Going live with 2023–2025 history: the pages and API that take history sheets (dry run, row
 * report, apply). The kinds themselves belong to the domains that own their rows: titles to
 * citizenship, trainings and results to learning-records.
 */
@Module({
  imports: [ImportsModule],
  controllers: [HistoryImportsController, HistoryImportsApiController],
  providers: [HistoryImportsService],
})
export class HistoryModule {}
