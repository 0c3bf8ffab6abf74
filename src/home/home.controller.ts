import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';

@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Public()
  @Render('home/index')
  home() {
    return {};
  }
}
