import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { INTEGRATION_ROLES } from '../common/access/roles';
import { AccountService } from './account.service';

@ApiExcludeController()
@Controller('account')
export class AccountController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  @SignedIn()
  @Render('users/account')
  async account(@CurrentActor() actor: Actor) {
    const user = await this.accounts.own(actor.userId);
    return { user, grants: actor.grants, canUseTokens: actor.has(...INTEGRATION_ROLES) };
  }
}
