import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Page } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { todayInVietnam } from '../common/time/vietnam-time';
import { AuditLog } from '../audit/audit-log.service';
import { Transaction } from '../database/unit-of-work';
import { TempUpload } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportKind, ImportRun } from '../imports/entities/import-run.entity';
import {
  ChunkResult,
  ImportKindHandler,
  ImportPipeline,
  ImportSheet,
  requiredHeader,
  RowProblem,
  SheetDataRow,
} from '../imports/import-pipeline';
import { ImportRunsService } from '../imports/import-runs.service';
import { CellValue } from '../imports/spreadsheet/cells';
import { cellsOf } from '../imports/spreadsheet/columns';
import { AdminUnitsRepository } from './admin-units.repository';
import { AdminUnitsService, isInForce } from './admin-units.service';
import {
  EnterpriseField,
  EnterpriseHeader,
  enterpriseHeader,
  matchEnterpriseHeader,
} from './enterprise-file/enterprise-columns';
import {
  EnterpriseCells,
  EnterpriseProblem,
  EnterpriseRowValidator,
  EnterpriseSheetRow,
} from './enterprise-file/enterprise-row.validator';
import { EnterpriseFields, EnterprisesRepository } from './enterprises.repository';
import { COMMUNE_LEVEL_KINDS } from './entities/admin-unit.entity';
import { Enterprise } from './entities/enterprise.entity';

/** The register has no single target: every run of this kind is filed under target 0. */
export const WHOLE_REGISTER = 0;

/** A commune code read against the tree in force on the run's day: the unit, or why not. */
type CommuneLookup = { unitId: number; name: string } | { problem: EnterpriseProblem };

/**
 * The enterprises register from a sheet (federation admin): each row is upserted by its tax code,
 * placed at the commune (ward, township, special zone) whose statistics code is in force today. A
 * new tax code adds the enterprise, a known one has its details brought up to date; moving it to
 * another commune is written to the audit trail in the chunk's transaction, as setCommune does.
 * A sheet imported again changes nothing.
 */
@Injectable()
export class EnterpriseImportsService implements ImportKindHandler, OnModuleInit {
  readonly kind = ImportKind.Enterprises;

  constructor(
    private readonly runs: ImportRunsService,
    private readonly pipeline: ImportPipeline,
    private readonly enterprises: EnterprisesRepository,
    private readonly unitsRepo: AdminUnitsRepository,
    private readonly units: AdminUnitsService,
    private readonly validator: EnterpriseRowValidator,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this);
  }

  /** Keeps an uploaded sheet and queues its import; the route is the federation admin's. */
  createFromUpload(actor: Actor, upload: TempUpload | undefined): Promise<ImportRun> {
    return this.runs.start(actor, ImportKind.Enterprises, WHOLE_REGISTER, upload);
  }

  page(page: number, size: number): Promise<Page<ImportRun>> {
    return this.runs.page(ImportKind.Enterprises, [WHOLE_REGISTER], page, size);
  }

  /** A run of this kind, else 404 (an id of a roster or attendance run is not found here). */
  find(importId: number): Promise<ImportRun> {
    return this.runs.find(ImportKind.Enterprises, importId, [WHOLE_REGISTER]);
  }

  errorsPage(importId: number, page: number, size: number): Promise<Page<ImportRowError>> {
    return this.runs.errorsPage(importId, page, size);
  }

  errors(importId: number): AsyncGenerator<ImportRowError> {
    return this.runs.errors(importId);
  }

  // --- the pipeline's handler -------------------------------------------------------------------

  open(run: ImportRun): Promise<ImportSheet<EnterpriseHeader>> {
    const today = todayInVietnam();
    // The first row naming each tax code, across the whole sheet (a later one is a duplicate).
    const seen = new Map<string, number>();
    // Commune codes already looked up in this run: a sheet names few communes many times.
    const communes = new Map<string, CommuneLookup>();
    return Promise.resolve({
      noHeaderMessage: 'org.import.error.noHeader',
      readHeader: (cells: CellValue[], rowNumber: number) => readHeader(cells, rowNumber),
      isEmptyRow: (header: EnterpriseHeader, cells: CellValue[]) =>
        this.validator.isEmpty(cellsOf(header, cells) as EnterpriseCells),
      saveChunk: (header: EnterpriseHeader, rows: SheetDataRow[], manager: Transaction | null) =>
        this.saveChunk(run, header, rows, seen, communes, today, manager),
    });
  }

  /**
   * Checks a chunk's rows (on their own, their communes, then for tax codes taken by an earlier
   * row of the sheet) and with a manager upserts them in the pipeline's transaction. Without one
   * the chunk was saved before: it is only read again, to remember its tax codes.
   */
  private async saveChunk(
    run: ImportRun,
    header: EnterpriseHeader,
    rows: SheetDataRow[],
    seen: Map<string, number>,
    communes: Map<string, CommuneLookup>,
    today: string,
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const accepted: { row: EnterpriseSheetRow; unitId: number; communeName: string }[] = [];
    const problems: RowProblem[] = [];
    let refused = 0;
    for (const r of rows) {
      const checked = this.validator.validate(r.rowNumber, cellsOf(header, r.cells));
      let found = checked.problems;
      if (checked.row) {
        const { row } = checked;
        const commune = await this.commune(row.communeCode, today, communes);
        // Only a row that was taken holds its tax code: a refused one may be corrected further down.
        const first = seen.get(row.taxCode);
        if ('problem' in commune) found = [commune.problem];
        else if (first !== undefined && first !== row.rowNumber)
          found = [
            { field: EnterpriseField.TaxCode, key: 'org.import.error.duplicate', params: { row: first } },
          ];
        else {
          seen.set(row.taxCode, row.rowNumber);
          accepted.push({ row, unitId: commune.unitId, communeName: commune.name });
        }
      }
      if (found.length === 0) continue;
      refused++;
      problems.push(
        ...found.map((p) => ({
          rowNumber: r.rowNumber,
          columnName: p.field ? (header.columns.get(p.field)?.label ?? enterpriseHeader(p.field)) : null,
          messageKey: p.key,
          params: p.params ?? null,
        })),
      );
    }
    if (!manager) return { created: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };

    const existing = await this.enterprises.findByTaxCodes(
      accepted.map((a) => a.row.taxCode),
      manager,
    );
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const { row, unitId, communeName } of accepted) {
      const enterprise = existing.get(row.taxCode);
      if (!enterprise) {
        await this.enterprises.insert(
          {
            name: row.name,
            searchKey: foldVietnamese(row.name),
            taxCode: row.taxCode,
            unitId,
            industrialPark: row.industrialPark,
            sector: row.sector,
            address: row.address,
          },
          manager,
        );
        created++;
        continue;
      }
      const changes = changesOf(enterprise, row, unitId);
      if (Object.keys(changes).length === 0) {
        unchanged++;
        continue;
      }
      await this.enterprises.update(enterprise.id, changes, manager);
      if (changes.unitId !== undefined) {
        const before = (await this.unitsRepo.findById(enterprise.unitId, manager))?.name ?? null;
        await this.audit.write(
          { userId: run.uploadedBy },
          {
            action: 'enterprise.commune.set',
            subjectType: 'enterprise',
            subjectId: enterprise.id,
            details: { commune: [before, communeName] },
          },
          manager,
        );
      }
      updated++;
    }
    return { created, updated, unchanged, refused, problems };
  }

  /**
   * The commune-level unit with this statistics code in force today. Codes were reused by the
   * 2025 reform, so a code is only ever read on a date; one not in force is explained.
   */
  private async commune(
    code: string,
    today: string,
    cache: Map<string, CommuneLookup>,
  ): Promise<CommuneLookup> {
    const cached = cache.get(code);
    if (cached) return cached;
    const found = await this.lookUp(code, today);
    cache.set(code, found);
    return found;
  }

  private async lookUp(code: string, today: string): Promise<CommuneLookup> {
    const field = EnterpriseField.CommuneCode;
    const unit = await this.unitsRepo.findByCodeOn(code, today);
    if (unit && COMMUNE_LEVEL_KINDS.includes(unit.kind)) return { unitId: unit.id, name: unit.name };
    if (unit)
      return { problem: { field, key: 'org.import.error.notCommune', params: { code, name: unit.name } } };
    const lapsed = (await this.unitsRepo.withCode(code)).filter((u) => !isInForce(u, today));
    if (lapsed.length === 0)
      return { problem: { field, key: 'org.import.error.communeUnknown', params: { code } } };
    const old = lapsed.find((u) => COMMUNE_LEVEL_KINDS.includes(u.kind));
    if (!old)
      return {
        problem: { field, key: 'org.import.error.notCommune', params: { code, name: lapsed[0].name } },
      };
    const successors = await this.units.successorsOn(old.id, today);
    const successor = successors.length === 1 ? successors[0] : null;
    if (successor && COMMUNE_LEVEL_KINDS.includes(successor.kind))
      return {
        problem: {
          field,
          key: 'org.import.error.communeLapsedTo',
          params: { code, name: old.name, successor: successor.name, successorCode: successor.code },
        },
      };
    return { problem: { field, key: 'org.import.error.communeLapsed', params: { code, name: old.name } } };
  }
}

/** What the row changes in an enterprise; a blank optional cell keeps what is there. */
function changesOf(
  enterprise: Enterprise,
  row: EnterpriseSheetRow,
  unitId: number,
): Partial<EnterpriseFields> {
  const changes: Partial<EnterpriseFields> = {};
  if (row.name !== enterprise.name) {
    changes.name = row.name;
    changes.searchKey = foldVietnamese(row.name);
  }
  if (unitId !== enterprise.unitId) changes.unitId = unitId;
  if (row.industrialPark !== null && row.industrialPark !== enterprise.industrialPark)
    changes.industrialPark = row.industrialPark;
  if (row.sector !== null && row.sector !== enterprise.sector) changes.sector = row.sector;
  if (row.address !== null && row.address !== enterprise.address) changes.address = row.address;
  return changes;
}

/** The sheet's header: the first row naming at least two of its columns, with the required ones. */
function readHeader(cells: CellValue[], rowNumber: number) {
  return requiredHeader(matchEnterpriseHeader(cells), rowNumber, enterpriseHeader);
}
