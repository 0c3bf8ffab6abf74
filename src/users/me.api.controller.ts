import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';

/** Lets an integration client check its token and see the roles it acts with. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeApiController {
  @Get()
  @SignedIn()
  @ApiOkResponse({ description: 'The caller: user id, name and role assignments' })
  me(@CurrentActor() actor: Actor) {
    return { userId: actor.userId, displayName: actor.displayName, grants: actor.grants, via: actor.via };
  }
}
