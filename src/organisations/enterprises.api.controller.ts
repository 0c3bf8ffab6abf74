import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { EnterpriseCommuneDto, EnterpriseDto, HeadcountValueDto } from './dto/enterprise.dto';
import { ApiPageQuery, EnterpriseApiQuery } from './dto/list-query.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/enterprises')
export class EnterprisesApiController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  @ApiPageQuery()
  @ApiOkResponse({ description: 'Enterprises in the caller’s scope, with unit, union and latest headcount' })
  @ApiQuery({
    name: 'withoutCommune',
    required: false,
    enum: ['1'],
    description: 'Only enterprises located at a district or the province, whose commune is still to be set',
  })
  list(@CurrentActor() actor: Actor, @Query() query: EnterpriseApiQuery) {
    return this.enterprises.page(actor, query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin, Role.DepartmentViewer, Role.UnionOfficer)
  @ApiOkResponse({
    description: 'The enterprise with its unit, union and headcounts per year (404 outside scope)',
  })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const { enterprise, unit, union, headcounts } = await this.enterprises.detail(actor, id);
    return {
      ...enterprise,
      unit,
      union,
      headcounts: headcounts.map(({ year, headcount }) => ({ year, headcount })),
    };
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The enterprise created; 400 with field messages on bad input' })
  create(@Body() dto: EnterpriseDto) {
    return this.enterprises.create(dto);
  }

  @Put(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The enterprise saved' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: EnterpriseDto) {
    return this.enterprises.update(id, dto);
  }

  @Put(':id/commune')
  @Roles(Role.FederationAdmin, Role.UnionOfficer)
  @ApiOkResponse({
    description:
      'Places the enterprise at a commune, ward or township in force today (its officer or the federation admin); audited; 404 outside scope',
  })
  setCommune(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: EnterpriseCommuneDto,
  ) {
    return this.enterprises.setCommune(actor, id, dto.unitId);
  }

  @Put(':id/headcounts/:year')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'Sets one year’s declared headcount; answers every year’s headcount' })
  async setHeadcount(
    @Param('id', ParseIntPipe) id: number,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: HeadcountValueDto,
  ) {
    const headcounts = await this.enterprises.setHeadcount(id, year, dto.headcount);
    return headcounts.map((h) => ({ year: h.year, headcount: h.headcount }));
  }
}
