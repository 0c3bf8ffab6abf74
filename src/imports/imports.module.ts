import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportRowError } from './entities/import-row-error.entity';
import { ImportRun } from './entities/import-run.entity';
import { HistoryKinds } from './history-kinds';
import { ImportFileRetention } from './import-file-retention';
import { ImportPipeline } from './import-pipeline';
import { ImportRunProcessor } from './import-run.processor';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportRunsService } from './import-runs.service';

/**
 * The one import pipeline (runs, per-row errors, checkpoint and resume, progress, file retention,
 * the streaming spreadsheet reader with its safety limits). Domains own their kinds: they register
 * an ImportKindHandler with the pipeline and keep their pages; nothing here knows a roster from an
 * attendance sheet.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportRun, ImportRowError]), AuditModule],
  providers: [
    ImportRunsRepository,
    ImportRunsService,
    ImportPipeline,
    ImportRunProcessor,
    ImportFileRetention,
    HistoryKinds,
  ],
  exports: [ImportRunsService, ImportPipeline, ImportFileRetention, HistoryKinds],
})
export class ImportsModule {}
