import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { DOMAIN_CODES } from '../learning-records/learning-domains';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { HarvestQuery } from './dto/material.dto';
import { MaterialsService } from './materials.service';

const EXAMPLE = {
  '@context': 'https://schema.org',
  '@type': 'LearningResource',
  '@id': 'https://hoctap.example.vn/materials/1',
  url: 'https://hoctap.example.vn/materials/1',
  name: 'Sổ tay an toàn vệ sinh lao động cho công nhân',
  inLanguage: 'vi',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  author: { '@type': 'Organization', name: 'Khoa Công nghệ — Trường Cao đẳng Cộng đồng Đắk Nông' },
  publisher: { '@type': 'EducationalOrganization', name: 'Trường Cao đẳng Cộng đồng Đắk Nông' },
  keywords: 'an toàn lao động, bảo hộ lao động',
  educationalUse: 'self-study',
  learningResourceType: 'text',
  about: [{ '@type': 'DefinedTerm', termCode: 'VOCATIONAL', name: 'Kỹ năng nghề nghiệp' }],
  datePublished: '2025-10-01',
  dateModified: '2025-10-01T03:00:00.000Z',
  creativeWorkStatus: 'Published',
  encodingFormat: 'application/pdf',
  contentUrl: 'https://hoctap.example.vn/materials/1/download',
};

/**
 * Open learning materials for harvesting by other portals (no account needed): schema.org
 * LearningResource objects with LRMI properties, the same JSON-LD each material page carries.
 */
@ApiTags('materials')
@Controller('api/v1/materials')
export class MaterialsApiController {
  constructor(private readonly materials: MaterialsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Published open learning materials as LRMI, in the order they changed',
    description:
      'Page through with `page` and `size`. With `updatedSince`, only materials changed since then — archived ones included (creativeWorkStatus "Archived") so a harvester can drop them.',
  })
  @ApiPageQuery()
  @ApiQuery({ name: 'updatedSince', required: false, description: 'ISO 8601, e.g. 2025-10-01T00:00:00Z' })
  @ApiQuery({ name: 'domain', required: false, enum: DOMAIN_CODES })
  @ApiOkResponse({
    description: 'A page of LearningResource objects',
    schema: {
      example: { items: [EXAMPLE], total: 1, page: 1, size: 20, pages: 1 },
    },
  })
  list(@Query() query: HarvestQuery) {
    return this.materials.harvest(query);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({
    description: 'One published material as a LearningResource',
    schema: { example: EXAMPLE },
  })
  async get(@Param('id', ParseIntPipe) id: number) {
    return this.materials.lrmi(await this.materials.published(id));
  }
}
