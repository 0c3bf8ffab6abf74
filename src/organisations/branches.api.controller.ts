import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { PageQuery } from '../common/http/pagination';
import { AssociationBranchDto } from './dto/branch.dto';
import { ApiPageQuery } from './dto/list-query.dto';
import { BranchesService } from './branches.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/branches')
export class BranchesApiController {
  constructor(private readonly branches: BranchesService) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @ApiPageQuery()
  @ApiOkResponse({
    description: 'Study-promotion association branches with the unit whose subtree each covers',
  })
  list(@Query() query: PageQuery) {
    return this.branches.page(query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The branch' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.branches.get(id);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The branch created; 400 with field messages on bad input' })
  create(@Body() dto: AssociationBranchDto) {
    return this.branches.create(dto);
  }

  @Put(':id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The branch saved' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: AssociationBranchDto) {
    return this.branches.update(id, dto);
  }
}
