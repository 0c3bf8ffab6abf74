import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { INTEGRATION_ROLES } from '../common/access/roles';
import { UsersRepository } from './users.repository';

@ApiExcludeController()
@Controller('account')
export class AccountController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @SignedIn()
  @Render('users/account')
  async account(@CurrentActor() actor: Actor) {
    const user = await this.users.findById(actor.userId);
    return { user, grants: actor.grants, canUseTokens: actor.has(...INTEGRATION_ROLES) };
  }
}
