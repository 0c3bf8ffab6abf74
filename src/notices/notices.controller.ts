import { Controller, Get, Param, ParseIntPipe, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest, flash, safeReturnPath } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { NoticesService } from './notices.service';

/** Everyone's own in-app notices: newest first, read or not, each opening the page it is about. */
@ApiExcludeController()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @SignedIn()
  @Render('notices/list')
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery, @Req() req: AppRequest) {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.notices.page(actor.userId, skip, size);
    return {
      title: translate(req.locale, 'nav.notices'),
      page: pageOf(items, total, page, size),
      notices: items.map((n) => ({
        id: n.id,
        text: translate(req.locale, n.messageKey, n.params ?? undefined),
        createdAt: n.createdAt,
        unread: !n.readAt,
        hasLink: !!n.link,
      })),
      anyUnread: items.some((n) => !n.readAt),
    };
  }

  @Post('read')
  @SignedIn()
  @Redirect(undefined, 303)
  async markAllRead(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    await this.notices.markAllRead(actor.userId);
    flash(req, 'success', 'notices.flash.allRead');
    return { url: '/notices' };
  }

  @Post(':id/read')
  @SignedIn()
  @Redirect(undefined, 303)
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    if (!(await this.notices.markRead(actor.userId, id))) throw new OutOfScopeException();
    return { url: `/notices#notice-${id}` };
  }

  /**
   * Opening a notice marks it read and goes where it points (a same-site path only). A POST (the
   * notice's text is the button of a form): marking read changes what the person sees.
   */
  @Post(':id/open')
  @SignedIn()
  @Redirect(undefined, 303)
  async open(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const notice = await this.notices.find(actor.userId, id);
    if (!notice) throw new OutOfScopeException();
    await this.notices.markRead(actor.userId, id);
    return { url: safeReturnPath(notice.link, '/notices') };
  }
}
