import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ScopeType } from '../common/access/roles';
import { AdminUnit } from '../organisations/entities/admin-unit.entity';
import { AssociationBranch } from '../organisations/entities/association-branch.entity';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';

export interface ScopeOption {
  value: number;
  label: string;
}

/** Names and choices of the organisations a role can be scoped to, for the user admin pages. */
@Injectable()
export class ScopeDirectory {
  constructor(
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
    @InjectRepository(TrainingInstitution) private readonly institutions: Repository<TrainingInstitution>,
    @InjectRepository(AssociationBranch) private readonly branches: Repository<AssociationBranch>,
    @InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>,
  ) {}

  async options(): Promise<Record<'ENTERPRISE' | 'INSTITUTION' | 'BRANCH' | 'UNIT', ScopeOption[]>> {
    const pick = <T extends { id: number; name: string }>(rows: T[]) =>
      rows.map((r) => ({ value: r.id, label: r.name }));
    return {
      ENTERPRISE: pick(await this.enterprises.find({ select: ['id', 'name'], order: { name: 'ASC' } })),
      INSTITUTION: pick(await this.institutions.find({ select: ['id', 'name'], order: { name: 'ASC' } })),
      BRANCH: pick(await this.branches.find({ select: ['id', 'name'], order: { name: 'ASC' } })),
      UNIT: pick(await this.units.find({ select: ['id', 'name'], order: { path: 'ASC' } })),
    };
  }

  async exists(scopeType: ScopeType, scopeId: number): Promise<boolean> {
    switch (scopeType) {
      case ScopeType.Enterprise:
        return this.enterprises.exists({ where: { id: scopeId } });
      case ScopeType.Institution:
        return this.institutions.exists({ where: { id: scopeId } });
      case ScopeType.Branch:
        return this.branches.exists({ where: { id: scopeId } });
      case ScopeType.Unit:
        return this.units.exists({ where: { id: scopeId } });
      default:
        return scopeId === 0;
    }
  }

  async name(scopeType: ScopeType, scopeId: number): Promise<string | null> {
    const repo = {
      [ScopeType.Enterprise]: this.enterprises,
      [ScopeType.Institution]: this.institutions,
      [ScopeType.Branch]: this.branches,
      [ScopeType.Unit]: this.units,
    }[scopeType as string] as Repository<{ id: number; name: string }> | undefined;
    if (!repo) return null;
    return (await repo.findOne({ where: { id: scopeId }, select: ['id', 'name'] }))?.name ?? null;
  }
}
