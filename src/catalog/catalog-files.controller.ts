import { Controller, Get, Param, ParseIntPipe, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access/access.decorators';
import { AppRequest } from '../common/http/request';
import { FilesService } from '../files/files.service';
import { CatalogService } from './catalog.service';

/**
 * Course covers and lesson files. Open to everyone at the routing level; CatalogService.download
 * decides: covers of published courses for anyone, lesson files for anyone signed in, a draft's
 * files for its editors only.
 */
@ApiExcludeController()
@Controller('catalog/files')
export class CatalogFilesController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly files: FilesService,
  ) {}

  @Get(':fileId')
  @Public()
  async download(
    @Param('fileId', ParseIntPipe) fileId: number,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { file, inline } = await this.catalog.download(req.user, fileId);
    await this.files.send(res, file, { inline });
  }
}
