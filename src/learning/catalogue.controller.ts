import { Controller, Get, Param, ParseIntPipe, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { CatalogueService } from './catalogue.service';
import { CatalogueQuery } from './dto/learning.dto';
import { coursePageView, catalogueView } from './learning.presenters';

/** The public catalogue of published courses and each course's page. */
@ApiExcludeController()
@Controller('courses')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @Render('learning/catalogue')
  async list(@Query() query: CatalogueQuery, @Req() req: AppRequest) {
    const [page, institutions] = await Promise.all([
      this.catalogue.search({ ...query, institutionId: query.institution }),
      this.catalogue.institutions(),
    ]);
    return {
      title: translate(req.locale, 'learning.catalogue.title'),
      ...catalogueView(req.locale, query, page, institutions),
    };
  }

  @Get(':id')
  @Public()
  @Render('learning/course')
  async show(@Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const page = await this.catalogue.coursePage(id, req.user);
    return { title: page.course.title, ...coursePageView(req.locale, page, req.user) };
  }
}
