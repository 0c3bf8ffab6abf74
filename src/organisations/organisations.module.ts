import { AuditModule } from '../audit/audit.module';
import { ImportsModule } from '../imports/imports.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnitsApiController } from './admin-units.api.controller';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsRepository } from './admin-units.repository';
import { AdminUnitsService } from './admin-units.service';
import { BranchesApiController } from './branches.api.controller';
import { BranchesController } from './branches.controller';
import { BranchesRepository } from './branches.repository';
import { BranchesService } from './branches.service';
import { EnterpriseRowValidator } from './enterprise-file/enterprise-row.validator';
import { EnterpriseImportsApiController } from './enterprise-imports.api.controller';
import { EnterpriseImportsController } from './enterprise-imports.controller';
import { EnterpriseImportsService } from './enterprise-imports.service';
import { EnterpriseScopeService } from './enterprise-scope';
import { EnterprisesApiController } from './enterprises.api.controller';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit } from './entities/admin-unit.entity';
import { AssociationBranch } from './entities/association-branch.entity';
import { EnterpriseHeadcount } from './entities/enterprise-headcount.entity';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { TrainingInstitution } from './entities/training-institution.entity';
import { InstitutionsApiController } from './institutions.api.controller';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsRepository } from './institutions.repository';
import { InstitutionsService } from './institutions.service';
import { OrganisationsDemoSeeder } from './organisations.demo-seeder';
import { UnionsApiController } from './unions.api.controller';
import { UnionsController } from './unions.controller';
import { UnionsRepository } from './unions.repository';
import { UnionsService } from './unions.service';

const entities = [
  AdminUnit,
  AdminUnitMapping,
  Enterprise,
  EnterpriseHeadcount,
  GrassrootsUnion,
  TrainingInstitution,
  AssociationBranch,
];

/** Administrative units, enterprises, grassroots unions, training institutions, association branches. */
@Module({
  imports: [TypeOrmModule.forFeature(entities), AuditModule, ImportsModule],
  // The imports' controller first: /organisations/enterprises/imports must not be read as /:id.
  controllers: [
    EnterpriseImportsController,
    EnterprisesController,
    AdminUnitsController,
    UnionsController,
    InstitutionsController,
    BranchesController,
    EnterprisesApiController,
    EnterpriseImportsApiController,
    AdminUnitsApiController,
    UnionsApiController,
    InstitutionsApiController,
    BranchesApiController,
  ],
  providers: [
    AdminUnitsRepository,
    EnterprisesRepository,
    UnionsRepository,
    InstitutionsRepository,
    BranchesRepository,
    AdminUnitsService,
    EnterprisesService,
    UnionsService,
    InstitutionsService,
    BranchesService,
    EnterpriseScopeService,
    EnterpriseImportsService,
    EnterpriseRowValidator,
    OrganisationsDemoSeeder,
  ],
  exports: [
    EnterpriseScopeService,
    AdminUnitsService,
    EnterprisesService,
    UnionsService,
    InstitutionsService,
    BranchesService,
    OrganisationsDemoSeeder,
    TypeOrmModule,
  ],
})
export class OrganisationsModule {}
