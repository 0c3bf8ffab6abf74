import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { AttendanceImportsService } from './attendance-imports.service';

/** Runs a queued attendance import (under Bull in the worker process, or in-process). */
@Injectable()
export class AttendanceImportProcessor {
  constructor(private readonly imports: AttendanceImportsService) {}

  @JobHandler('attendance.import')
  run(payload: JobPayloads['attendance.import'], context: JobContext): Promise<JobResult> {
    return this.imports.process(payload.importId, context);
  }
}
