import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { AssignmentsService } from './assignments.service';

/** Sends the day's reminders of assignments coming due (queued by AssignmentRemindersScheduler). */
@Injectable()
export class AssignmentRemindersProcessor {
  constructor(private readonly assignments: AssignmentsService) {}

  @JobHandler('assignments.remind')
  async run(payload: JobPayloads['assignments.remind']): Promise<JobResult> {
    const outcome = await this.assignments.remind();
    return { day: payload.day, reminded: outcome.reminded, alreadyDone: outcome.done };
  }
}
