import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notice } from './notice.entity';
import { NoticesService } from './notices.service';

/** In-app notices for any domain to send and every signed-in person to read. */
@Module({
  imports: [TypeOrmModule.forFeature([Notice])],
  controllers: [],
  providers: [NoticesService],
  exports: [NoticesService],
})
export class NoticesModule {}
