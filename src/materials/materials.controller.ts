import { Controller, Get, Param, ParseIntPipe, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { licenceView, sizeMb } from '../catalog/catalog.presenters';
import { Public } from '../common/access/access.decorators';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { FilesService } from '../files/files.service';
import { PublicMaterialQuery } from './dto/material.dto';
import { MaterialRow } from './materials.repository';
import { MaterialsService } from './materials.service';

/** The open learning materials, for everyone: no account needed to browse or download. */
@ApiExcludeController()
@Controller('materials')
export class MaterialsController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly files: FilesService,
  ) {}

  @Get()
  @Public()
  @Render('materials/list')
  async list(@Query() query: PublicMaterialQuery, @Req() req: AppRequest) {
    const page = await this.materials.publicPage(query);
    const domains = await this.materials.domains();
    const institutions = await this.materials.publishingInstitutions();
    return {
      title: translate(req.locale, 'nav.materials'),
      page: { ...page, items: page.items.map((m) => card(m, req)) },
      query: { q: query.q, domain: query.domain, institutionId: query.institutionId },
      domainOptions: domains.map((d) => ({
        value: d.code,
        label: req.locale === 'en' ? d.nameEn : d.nameVi,
        selected: d.code === query.domain,
      })),
      institutionOptions: institutions.map((i) => ({ ...i, selected: i.id === query.institutionId })),
    };
  }

  @Get(':id')
  @Public()
  @Render('materials/show')
  async show(@Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const material = await this.materials.published(id);
    return {
      title: material.title,
      material: card(material, req),
      // JSON-LD (schema.org LearningResource, LRMI) for search engines and harvesters.
      jsonLd: await this.materials.lrmi(material, req.locale),
    };
  }

  /** Counts the download, then sends the file as an attachment or follows the link. */
  @Get(':id/download')
  @Public()
  async download(@Param('id', ParseIntPipe) id: number, @Res() res: Response): Promise<void> {
    const target = await this.materials.download(id);
    if (target.url) return res.redirect(302, target.url);
    await this.files.send(res, target.file!);
  }
}

/** What a list card and the page show of a material. */
function card(m: MaterialRow, req: AppRequest) {
  return {
    ...m,
    licence: licenceView(m.licence, req.locale),
    domainLabels: m.domains.map((code) => translate(req.locale, `domain.${code}`)),
    typeLabel: capitalise(
      m.file
        ? translate(req.locale, `files.kind.${m.file.kind}`)
        : translate(req.locale, 'materials.kind.LINK'),
    ),
    sizeMb: m.file ? sizeMb(m.file.sizeBytes) : null,
    linkHost: m.url ? new URL(m.url).hostname : null,
  };
}

/** "tài liệu PDF" → "Tài liệu PDF", for a label standing alone. */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
