import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PiiAccessModule } from '../privacy/access-log/pii-access.module';
import { UsersModule } from '../users/users.module';
import { Employment } from './entities/employment.entity';
import { RosterImportError } from './entities/roster-import-error.entity';
import { RosterImport } from './entities/roster-import.entity';
import { Worker } from './entities/worker.entity';
import { RosterImportProcessor } from './roster-import.processor';
import { RosterImportsApiController } from './roster-imports.api.controller';
import { RosterImportsController } from './roster-imports.controller';
import { RosterImportsRepository } from './roster-imports.repository';
import { RosterImportsService } from './roster-imports.service';
import { RosterRowValidator } from './roster/roster-row.validator';
import { RosterUploadInterceptor } from './roster-upload';
import { WorkerAccountsService } from './worker-accounts.service';
import { WorkersApiController } from './workers.api.controller';
import { WorkersController } from './workers.controller';
import { WorkersDemoSeeder } from './workers.demo-seeder';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Worker, Employment, RosterImport, RosterImportError]),
    OrganisationsModule,
    UsersModule,
    AuthModule,
    PiiAccessModule,
  ],
  // /workers/imports before /workers/:id, so that "imports" is not taken for a worker id.
  controllers: [RosterImportsController, WorkersController, RosterImportsApiController, WorkersApiController],
  providers: [
    WorkersRepository,
    WorkersService,
    WorkerAccountsService,
    RosterImportsRepository,
    RosterImportsService,
    RosterRowValidator,
    RosterImportProcessor,
    RosterUploadInterceptor,
    WorkersDemoSeeder,
  ],
  exports: [WorkersService, WorkersRepository, WorkersDemoSeeder],
})
export class WorkersModule {}
