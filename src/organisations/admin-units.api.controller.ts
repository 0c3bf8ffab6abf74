import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { AdminUnitsService } from './admin-units.service';
import { AdminUnitDto, AdminUnitMappingDto } from './dto/admin-unit.dto';
import { ApiPageQuery, UnitApiQuery } from './dto/list-query.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/units')
export class AdminUnitsApiController {
  constructor(private readonly units: AdminUnitsService) {}

  @Get()
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  @ApiPageQuery()
  @ApiOkResponse({
    description: 'Administrative units in tree order, optionally only those in force on a date',
  })
  list(@Query() query: UnitApiQuery) {
    return this.units.page(query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  @ApiOkResponse({ description: 'The unit with its ancestors, children, mappings and today’s successor' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.units.detail(id);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The unit created under its parent' })
  create(@Body() dto: AdminUnitDto) {
    return this.units.create(dto);
  }

  @Put(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The unit saved; a new parent moves its whole subtree' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: AdminUnitDto) {
    return this.units.update(id, dto);
  }

  @Post(':id/mappings')
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'Records that the unit’s territory passes to another unit on a date' })
  addMapping(@Param('id', ParseIntPipe) id: number, @Body() dto: AdminUnitMappingDto) {
    return this.units.addMapping(id, dto);
  }
}
