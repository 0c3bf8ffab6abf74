import { Controller, Get, Param, ParseIntPipe, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { LearnerCatalogService } from './learner-catalog.service';
import { LearnerCatalogQuery } from './dto/learning.dto';
import { coursePageView, catalogView } from './learning.presenters';

/** The public catalog of published courses and each course's page. */
@ApiExcludeController()
@Controller('courses')
export class LearnerCatalogController {
  constructor(private readonly learnerCatalog: LearnerCatalogService) {}

  @Get()
  @Public()
  @Render('learning/catalog')
  async list(@Query() query: LearnerCatalogQuery, @Req() req: AppRequest) {
    const [page, institutions] = await Promise.all([
      this.learnerCatalog.search({ ...query, institutionId: query.institution }),
      this.learnerCatalog.institutions(),
    ]);
    return {
      title: translate(req.locale, 'learning.catalog.title'),
      ...catalogView(req.locale, query, page, institutions),
    };
  }

  @Get(':id')
  @Public()
  @Render('learning/course')
  async show(@Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const page = await this.learnerCatalog.coursePage(id, req.user);
    return { title: page.course.title, ...coursePageView(req.locale, page, req.user) };
  }
}
