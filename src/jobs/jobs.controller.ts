import { Controller, Get, Param, ParseIntPipe, Query, Render } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { JobQueue } from './job-queue';
import { BullJobQueue } from './adapters/bull-job.queue';
import { JobRunsService, JobRunView } from './job-runs.service';

@Controller()
export class JobsController {
  constructor(
    private readonly runs: JobRunsService,
    private readonly queue: JobQueue,
  ) {}

  /** Progress of a background job, polled by progress bars. */
  @Get('api/v1/jobs/:id')
  @SignedIn()
  @ApiTags('jobs')
  @ApiOkResponse({ description: 'Status, progress 0–100 and result summary of a job run' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<JobRunView> {
    return this.runs.getForActor(actor, id);
  }

  @Get('admin/jobs')
  @Roles(Role.SystemAdmin)
  @Render('jobs/list')
  async list(@Query() query: PageQuery) {
    const { page, size } = pageWindow(query);
    const { items, total, noWorker } = await this.runs.page(page, size);
    return {
      page: pageOf(items, total, page, size),
      bullBoard: this.queue instanceof BullJobQueue,
      noWorker,
    };
  }
}
