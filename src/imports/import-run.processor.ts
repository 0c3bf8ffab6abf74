import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { ImportPipeline } from './import-pipeline';

/** Runs a queued import of any kind (under Bull in the worker process, or in-process). */
@Injectable()
export class ImportRunProcessor {
  constructor(private readonly pipeline: ImportPipeline) {}

  @JobHandler('import.run')
  run(payload: JobPayloads['import.run'], context: JobContext): Promise<JobResult> {
    return this.pipeline.process(payload.importId, context);
  }
}
