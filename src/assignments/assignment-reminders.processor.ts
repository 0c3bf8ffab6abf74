import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { AssignmentsService } from './assignments.service';
import { TerritoryAssignmentsService } from './territory-assignments.service';

/** Sends the day's reminders of assignments (an officer's and the federation's) coming due (queued by AssignmentRemindersScheduler). */
@Injectable()
export class AssignmentRemindersProcessor {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly territory: TerritoryAssignmentsService,
  ) {}

  @JobHandler('assignments.remind')
  async run(payload: JobPayloads['assignments.remind']): Promise<JobResult> {
    const officers = await this.assignments.remind();
    const federation = await this.territory.remind();
    return {
      day: payload.day,
      reminded: officers.reminded + federation.reminded,
      alreadyDone: officers.done + federation.done,
    };
  }
}
