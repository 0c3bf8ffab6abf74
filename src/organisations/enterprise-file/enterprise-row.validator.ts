import { Injectable } from '@nestjs/common';
import { MessageRef } from '../../common/i18n/messages';
import { isValidTaxCode, normaliseTaxCode } from '../../common/validation/tax-code';
import { CellValue, cellText, isBlank } from '../../imports/spreadsheet/cells';
import { EnterpriseField } from './enterprise-columns';

export type EnterpriseCells = Partial<Record<EnterpriseField, CellValue>>;

/** The lengths the enterprise form allows (dto/enterprise.dto.ts). */
const MAX_LENGTH: Partial<Record<EnterpriseField, number>> = {
  [EnterpriseField.Name]: 300,
  [EnterpriseField.IndustrialPark]: 200,
  [EnterpriseField.Sector]: 100,
  [EnterpriseField.Address]: 300,
};

/** A row read on its own; the commune is still a code, resolved against the tree of today. */
export interface EnterpriseSheetRow {
  rowNumber: number;
  name: string;
  taxCode: string;
  communeCode: string;
  /** null: the cell is blank, and an existing enterprise keeps its value. */
  industrialPark: string | null;
  sector: string | null;
  address: string | null;
}

export interface EnterpriseProblem extends MessageRef {
  field: EnterpriseField | null;
}

/** Checks a row of a sheet of enterprises on its own; every problem is a message key. */
@Injectable()
export class EnterpriseRowValidator {
  isEmpty(cells: EnterpriseCells): boolean {
    return Object.values(cells).every((v) => isBlank(v));
  }

  validate(
    rowNumber: number,
    cells: EnterpriseCells,
  ): { row: EnterpriseSheetRow | null; problems: EnterpriseProblem[] } {
    const problems: EnterpriseProblem[] = [];
    const text = (field: EnterpriseField): string | null => {
      const value = cellText(cells[field]) || null;
      const max = MAX_LENGTH[field];
      if (value && max && value.length > max)
        problems.push({ field, key: 'org.import.error.tooLong', params: { max } });
      return value;
    };
    const name = text(EnterpriseField.Name);
    const rawTaxCode = cellText(cells[EnterpriseField.TaxCode]);
    const taxCode = normaliseTaxCode(rawTaxCode);
    const communeCode = cellText(cells[EnterpriseField.CommuneCode]);
    const industrialPark = text(EnterpriseField.IndustrialPark);
    const sector = text(EnterpriseField.Sector);
    const address = text(EnterpriseField.Address);
    if (!name) problems.push({ field: EnterpriseField.Name, key: 'org.import.error.required' });
    if (!taxCode) problems.push({ field: EnterpriseField.TaxCode, key: 'org.import.error.required' });
    else if (!isValidTaxCode(taxCode))
      problems.push({ field: EnterpriseField.TaxCode, key: 'org.import.error.taxCode' });
    if (!communeCode) problems.push({ field: EnterpriseField.CommuneCode, key: 'org.import.error.required' });
    if (problems.length > 0) return { row: null, problems };
    return {
      row: {
        rowNumber,
        name: name!,
        taxCode,
        communeCode,
        industrialPark,
        sector,
        address,
      },
      problems,
    };
  }
}
