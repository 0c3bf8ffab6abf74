import { PersonMatcher } from './person-match';
import { Module } from '@nestjs/common';
import { WorkersPersonalData } from './workers.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ImportsModule } from '../imports/imports.module';
import { NoticesModule } from '../notices/notices.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PiiAccessModule } from '../pii-access/pii-access.module';
import { UsersModule } from '../users/users.module';
import { Employment } from './entities/employment.entity';
import { Worker } from './entities/worker.entity';
import { PersonRegistry } from './identity/person-registry';
import { IdentityReconciliation } from './reconciliation/entities/identity-reconciliation.entity';
import { ReconciliationsApiController } from './reconciliation/reconciliations.api.controller';
import { ReconciliationsController } from './reconciliation/reconciliations.controller';
import { ReconciliationsRepository } from './reconciliation/reconciliations.repository';
import { ReconciliationsService } from './reconciliation/reconciliations.service';
import { RosterImportsApiController } from './roster-imports.api.controller';
import { RosterImportsController } from './roster-imports.controller';
import { RosterImportsService } from './roster-imports.service';
import { RosterRowValidator } from './roster/roster-row.validator';
import { WorkerAccountsService } from './worker-accounts.service';
import { WorkersApiController } from './workers.api.controller';
import { WorkersController } from './workers.controller';
import { WorkersDemoSeeder } from './workers.demo-seeder';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';
import { Workforce } from './workforce';
import { WorkerPortsModule } from './ports.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([Worker, Employment, IdentityReconciliation]),
    OrganisationsModule,
    UsersModule,
    AuthModule,
    PiiAccessModule,
    AuditModule,
    ImportsModule,
    NoticesModule,
    WorkerPortsModule,
  ],
  // /workers/imports and /workers/reconciliations before /workers/:id, so that neither is taken for a worker id.
  controllers: [
    RosterImportsController,
    ReconciliationsController,
    WorkersController,
    RosterImportsApiController,
    WorkersApiController,
    ReconciliationsApiController,
  ],
  providers: [
    Workforce,
    WorkersPersonalData,
    WorkersRepository,
    WorkersService,
    WorkerAccountsService,
    RosterImportsService,
    RosterRowValidator,
    WorkersDemoSeeder,
    PersonRegistry,
    ReconciliationsRepository,
    ReconciliationsService,
    PersonMatcher,
  ],
  exports: [WorkersService, WorkersRepository, WorkersDemoSeeder, Workforce, PersonMatcher],
})
export class WorkersModule {}
