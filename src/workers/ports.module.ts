import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PII_ACCESS_DIRECTORY } from '../pii-access/pii-access-directory';
import { UsersModule } from '../users/users.module';
import { WORKER_LOGINS } from '../users/worker-logins';
import { Employment } from './entities/employment.entity';
import { Worker } from './entities/worker.entity';
import { PiiAccessDirectoryProvider, WorkerLoginsProvider } from './ports';

/**
 * The ports that modules below workers declare and the workers domain fills: signing in with a CCCD
 * (users/worker-logins.ts) and the CCCD access log's directory (pii-access/pii-access-directory.ts).
 * Global, because the modules that use them (auth, pii-access) cannot import workers: a missing
 * port then fails at start-up, not at the first sign-in.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Worker, Employment]), OrganisationsModule, UsersModule],
  providers: [
    { provide: WORKER_LOGINS, useClass: WorkerLoginsProvider },
    { provide: PII_ACCESS_DIRECTORY, useClass: PiiAccessDirectoryProvider },
  ],
  exports: [WORKER_LOGINS, PII_ACCESS_DIRECTORY],
})
export class WorkerPortsModule {}
