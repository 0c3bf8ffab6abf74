import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldVietnamese } from '../common/text/vietnamese';
import { isValidTaxCode } from '../common/validation/tax-code';
import { readSeed } from '../common/seed-files';
import { AdminUnitsRepository } from './admin-units.repository';
import { BranchesRepository } from './branches.repository';
import { EnterprisesRepository } from './enterprises.repository';
import { InstitutionKind } from './entities/training-institution.entity';
import { InstitutionsRepository } from './institutions.repository';
import { UnionsRepository } from './unions.repository';

interface DemoOrganisations {
  /** The date on which the unit codes below are read (codes are reused across the 2025 reform). */
  unitsOn: string;
  enterprises: {
    name: string;
    taxCode: string;
    unitCode: string;
    industrialPark: string | null;
    sector: string | null;
    address: string | null;
    headcounts: Record<string, number>;
    union: { name: string; chairName: string | null; establishedOn: string | null } | null;
  }[];
  institutions: {
    name: string;
    kind: InstitutionKind;
    unitCode: string | null;
    address: string | null;
    website: string | null;
  }[];
  branches: {
    name: string;
    unitCode: string;
    /** When the unit code is read, if not on the file's unitsOn (a branch of the new tree). */
    unitOn?: string;
    validFrom?: string;
    validTo?: string;
    /** The name of the branch that took over its work when it ended. */
    successor?: string;
  }[];
}

/**
 * Loads seeds/demo/organisations.json (enterprises with headcounts and unions, institutions,
 * branches) inside the demo seeding transaction. Units are found by their code in the reference
 * tree in force on the file's `unitsOn` date (the tree is seeded first); organisations already present (by tax code or name) are left alone.
 */
@Injectable()
export class OrganisationsDemoSeeder {
  constructor(
    private readonly units: AdminUnitsRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly unions: UnionsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly branches: BranchesRepository,
  ) {}

  async seed(manager: EntityManager): Promise<void> {
    const data = readSeed<DemoOrganisations>('demo/organisations.json');
    const unitId = async (code: string, on = data.unitsOn): Promise<number> => {
      const unit = await this.units.findByCodeOn(code, on, manager);
      if (!unit) throw new Error(`Demo organisation names an unknown unit code: ${code} on ${on}`);
      return unit.id;
    };

    for (const e of data.enterprises) {
      if (!isValidTaxCode(e.taxCode))
        throw new Error(`Demo enterprise has an invalid tax code: ${e.taxCode}`);
      if (await this.enterprises.findByTaxCode(e.taxCode, manager)) continue;
      const enterprise = await this.enterprises.insert(
        {
          name: e.name,
          searchKey: foldVietnamese(e.name),
          taxCode: e.taxCode,
          unitId: await unitId(e.unitCode),
          industrialPark: e.industrialPark,
          sector: e.sector,
          address: e.address,
        },
        manager,
      );
      for (const [year, headcount] of Object.entries(e.headcounts)) {
        await this.enterprises.upsertHeadcount(enterprise.id, Number(year), headcount, manager);
      }
      if (e.union) {
        await this.unions.insert(
          {
            enterpriseId: enterprise.id,
            name: e.union.name,
            searchKey: foldVietnamese(e.union.name),
            chairName: e.union.chairName,
            establishedOn: e.union.establishedOn,
            dissolvedOn: null,
            successorId: null,
          },
          manager,
        );
      }
    }

    for (const i of data.institutions) {
      if (await this.institutions.findByName(i.name, manager)) continue;
      await this.institutions.insert(
        {
          name: i.name,
          searchKey: foldVietnamese(i.name),
          kind: i.kind,
          unitId: i.unitCode ? await unitId(i.unitCode) : null,
          address: i.address,
          website: i.website,
        },
        manager,
      );
    }

    for (const b of data.branches) {
      if (await this.branches.findByName(b.name, manager)) continue;
      await this.branches.insert(
        {
          name: b.name,
          searchKey: foldVietnamese(b.name),
          unitId: await unitId(b.unitCode, b.unitOn),
          validFrom: b.validFrom ?? null,
          validTo: b.validTo ?? null,
          successorId: null,
        },
        manager,
      );
    }
    for (const b of data.branches.filter((branch) => branch.successor)) {
      const branch = (await this.branches.findByName(b.name, manager))!;
      const successor = await this.branches.findByName(b.successor!, manager);
      if (!successor) throw new Error(`Demo branch ${b.name} names an unknown successor ${b.successor}`);
      if (branch.successorId === null) await this.branches.setSuccessor(branch.id, successor.id, manager);
    }
  }
}
