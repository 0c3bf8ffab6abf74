import { Controller, Get, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { AppRequest } from '../common/http/request';
import { MyLearningService } from '../learning/my-learning.service';

@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly learning: MyLearningService) {}

  @Get()
  @Public()
  @Render('home/index')
  async home(@Req() req: AppRequest) {
    const actor = req.user;
    // Workers land on /learn after signing in; coming back here, they are pointed at it again.
    if (!actor?.workerId || !actor.has(Role.Worker)) return {};
    return { isWorker: true, continueCourse: await this.learning.latestInProgress(actor) };
  }
}
