import { Module } from '@nestjs/common';
import { PiiAccessPersonalData } from './pii-access.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiAccess } from './pii-access.entity';
import { PiiAccessLog } from './pii-access-log.service';
import { PiiAccessRepository } from './pii-access.repository';

/** The CCCD access log on its own, so the workers domain can write to it without importing privacy. */
@Module({
  imports: [TypeOrmModule.forFeature([PiiAccess])],
  providers: [PiiAccessPersonalData, PiiAccessRepository, PiiAccessLog],
  exports: [PiiAccessLog],
})
export class PiiAccessModule {}
