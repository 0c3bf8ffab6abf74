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
  branches: { name: string; unitCode: string }[];
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
    const unitId = async (code: string): Promise<number> => {
      const unit = await this.units.findByCodeOn(code, data.unitsOn, manager);
      if (!unit) throw new Error(`Demo organisation names an unknown unit code: ${code} on ${data.unitsOn}`);
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
        { name: b.name, searchKey: foldVietnamese(b.name), unitId: await unitId(b.unitCode) },
        manager,
      );
    }
  }
}
