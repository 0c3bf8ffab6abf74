import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { PageQuery } from '../common/http/pagination';
import { TrainingInstitutionDto } from './dto/institution.dto';
import { ApiPageQuery } from './dto/list-query.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/institutions')
export class InstitutionsApiController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @ApiPageQuery()
  @ApiOkResponse({ description: 'Training institutions with their kind and unit' })
  list(@Query() query: PageQuery) {
    return this.institutions.page(query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The institution' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.institutions.get(id);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The institution created; 400 with field messages on bad input' })
  create(@Body() dto: TrainingInstitutionDto) {
    return this.institutions.create(dto);
  }

  @Put(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The institution saved' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: TrainingInstitutionDto) {
    return this.institutions.update(id, dto);
  }
}
