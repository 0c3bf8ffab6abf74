import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NoticesPersonalData } from './notices.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notice } from './notice.entity';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { UnreadNoticesMiddleware } from './unread-notices.middleware';

/** In-app notices for any domain to send and every signed-in person to read. */
@Module({
  imports: [TypeOrmModule.forFeature([Notice])],
  controllers: [NoticesController],
  providers: [NoticesPersonalData, NoticesRepository, NoticesService, UnreadNoticesMiddleware],
  exports: [NoticesService],
})
export class NoticesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(UnreadNoticesMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }
}
