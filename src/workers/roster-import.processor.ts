import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { RosterImportsService } from './roster-imports.service';

/** Runs a queued roster import (under Bull in the worker process, or in-process). */
@Injectable()
export class RosterImportProcessor {
  constructor(private readonly imports: RosterImportsService) {}

  @JobHandler('roster.import')
  run(payload: JobPayloads['roster.import'], context: JobContext): Promise<JobResult> {
    return this.imports.process(payload.importId, context);
  }
}
