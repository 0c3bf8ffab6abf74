import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { PageQuery } from '../common/http/pagination';
import { GrassrootsUnionDto } from './dto/union.dto';
import { ApiPageQuery } from './dto/list-query.dto';
import { UnionsService } from './unions.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/unions')
export class UnionsApiController {
  constructor(private readonly unions: UnionsService) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @ApiPageQuery()
  @ApiOkResponse({ description: 'Grassroots unions (one per enterprise) with their enterprise' })
  list(@Query() query: PageQuery) {
    return this.unions.page(query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The union' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.unions.get(id);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The union created; 400 with field messages on bad input' })
  create(@Body() dto: GrassrootsUnionDto) {
    return this.unions.create(dto);
  }

  @Put(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The union saved' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: GrassrootsUnionDto) {
    return this.unions.update(id, dto);
  }
}
