import { AuditModule } from '../audit/audit.module';
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
  imports: [TypeOrmModule.forFeature(entities), AuditModule],
  controllers: [
    EnterprisesController,
    AdminUnitsController,
    UnionsController,
    InstitutionsController,
    BranchesController,
    EnterprisesApiController,
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
