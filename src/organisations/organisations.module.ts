import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit } from './entities/admin-unit.entity';
import { AssociationBranch } from './entities/association-branch.entity';
import { EnterpriseHeadcount } from './entities/enterprise-headcount.entity';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { TrainingInstitution } from './entities/training-institution.entity';
import { EnterpriseScopeService } from './enterprise-scope';
import { OrganisationsDemoSeeder } from './organisations.demo-seeder';

const entities = [
  AdminUnit,
  AdminUnitMapping,
  Enterprise,
  EnterpriseHeadcount,
  GrassrootsUnion,
  TrainingInstitution,
  AssociationBranch,
];

@Module({
  imports: [TypeOrmModule.forFeature(entities)],
  controllers: [],
  providers: [EnterpriseScopeService, OrganisationsDemoSeeder],
  exports: [EnterpriseScopeService, OrganisationsDemoSeeder, TypeOrmModule],
})
export class OrganisationsModule {}
