import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiAccess } from '../entities/pii-access.entity';
import { PiiAccessLog } from './pii-access-log.service';
import { PiiAccessRepository } from './pii-access.repository';

/** The CCCD access log on its own, so the workers domain can write to it without importing privacy. */
@Module({
  imports: [TypeOrmModule.forFeature([PiiAccess])],
  providers: [PiiAccessRepository, PiiAccessLog],
  exports: [PiiAccessLog],
})
export class PiiAccessModule {}
