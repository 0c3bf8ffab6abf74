import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { Role, ScopeType } from '../../common/access/roles';
import { foldVietnamese } from '../../common/text/vietnamese';
import { todayInVietnam, vietnamDayStart } from '../../common/time/vietnam-time';
import { Transaction } from '../../database/unit-of-work';
import { ImportKind, ImportRun } from '../../imports/entities/import-run.entity';
import { HistoryKind, HistoryKinds } from '../../imports/history-kinds';
import { rowProblem } from '../../imports/history-rows';
import {
  ChunkResult,
  ImportSheet,
  requiredHeader,
  RowProblem,
  SheetDataRow,
} from '../../imports/import-pipeline';
import {
  CellValue,
  cellText,
  INVALID,
  isBlank,
  parseCccd,
  parseSheetDate,
} from '../../imports/spreadsheet/cells';
import { cellsOf } from '../../imports/spreadsheet/columns';
import { SheetTemplate } from '../../imports/spreadsheet/sheet-template';
import { BranchesService } from '../../organisations/branches.service';
import { AssociationBranch } from '../../organisations/entities/association-branch.entity';
import { PersonMatcher, personProblemField, personProblemKey } from '../../workers/person-match';
import { Recognition, RecognitionStatus } from '../entities/recognition.entity';
import { newVerifyCode } from '../review/association-review.service';
import { HistoryTitlesRepository, NewHistoryTitle } from './history-titles.repository';
import { matchTitleHeader, TitleField, TitleHeader, titleHeader, TITLES_TEMPLATE } from './titles-sheet';

/** A row read and checked on its own, before its person and branch are looked up. */
interface TitleRow {
  rowNumber: number;
  cccd: string;
  fullName: string;
  dateOfBirth: string;
  year: number;
  branchName: string;
  decisionNo: string;
  decisionDate: string;
  revokedOn: string | null;
  revokeReason: string | null;
}

/** What a title row amounts to once its person and branch are known. */
type TitleFields = Pick<
  NewHistoryTitle,
  | 'branchId'
  | 'issuerName'
  | 'decisionNo'
  | 'decisionDate'
  | 'recognisedAt'
  | 'status'
  | 'revokedAt'
  | 'revokeReason'
>;

const EARLIEST_YEAR = 2000;

/**
 * Learning-citizen titles of past years from the association's yearly lists. Each row is a title
 * of one person for one year, recognised by a branch's decision: it becomes a recognition like
 * those made in hoctap (so it counts in its year exactly as they do, from the decision's day to a
 * revocation), with no application, score or hoctap certificate. Upserted by (person, year): the
 * same list again changes nothing, a corrected one (a revocation added) updates the title; a
 * title recognised in hoctap itself is never overwritten.
 */
@Injectable()
export class TitlesHistoryImport implements HistoryKind, OnModuleInit {
  readonly kind = ImportKind.HistoryTitles;
  readonly slug = 'titles';
  readonly titleKey = 'history.titles.title';
  readonly introKey = 'history.titles.intro';
  readonly template = TITLES_TEMPLATE as SheetTemplate<string>;
  readonly templateName = 'mau-lich-su-cong-dan-hoc-tap.xlsx';

  constructor(
    private readonly kinds: HistoryKinds,
    private readonly titles: HistoryTitlesRepository,
    private readonly people: PersonMatcher,
    private readonly branches: BranchesService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  recognises(cells: CellValue[]): boolean {
    const found = requiredHeader(matchTitleHeader(cells), 0, titleHeader);
    return !!found && 'header' in found;
  }

  /** The federation admin, and reviewers of the province's branch (the association's top level). */
  async mayImport(actor: Actor): Promise<boolean> {
    if (actor.has(Role.FederationAdmin)) return true;
    const mine = actor.scopeIds(ScopeType.Branch, Role.AssociationReviewer);
    if (mine.length === 0) return false;
    return (await this.branches.topLevel()).some((b) => mine.includes(b.id));
  }

  async open(run: ImportRun): Promise<ImportSheet<TitleHeader>> {
    const today = todayInVietnam();
    const byName = new Map<string, AssociationBranch[]>();
    for (const b of await this.branches.all()) {
      const key = foldVietnamese(b.name);
      byName.set(key, [...(byName.get(key) ?? []), b]);
    }
    // The first row of each (CCCD, year) in the whole sheet: a later one is a duplicate.
    const seen = new Map<string, number>();
    return {
      noHeaderMessage: 'history.titles.noHeader',
      readHeader: (cells: CellValue[], rowNumber: number) =>
        requiredHeader(matchTitleHeader(cells), rowNumber, titleHeader),
      isEmptyRow: (header: TitleHeader, cells: CellValue[]) =>
        Object.values(cellsOf(header, cells)).every((c) => isBlank(c as CellValue)),
      saveChunk: (header: TitleHeader, rows: SheetDataRow[], manager: Transaction | null) =>
        this.saveChunk(run, header, rows, { byName, seen, today }, manager),
    };
  }

  private async saveChunk(
    run: ImportRun,
    header: TitleHeader,
    rows: SheetDataRow[],
    state: { byName: Map<string, AssociationBranch[]>; seen: Map<string, number>; today: string },
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const problems: RowProblem[] = [];
    const at = (rowNumber: number, field: TitleField | null, key: string, params?: RowProblem['params']) =>
      problems.push(rowProblem(header, titleHeader, rowNumber, field, key, params));
    const read: TitleRow[] = [];
    for (const r of rows) {
      const before = problems.length;
      const row = readRow(r, header, state.today, at);
      if (row && problems.length === before) read.push(row);
    }
    const matches = await this.people.match(read, manager ?? undefined);
    const accepted: { row: TitleRow; workerId: number; fields: TitleFields }[] = [];
    read.forEach((row, i) => {
      const match = matches[i];
      if (!('workerId' in match)) {
        const field = personProblemField(match, {
          cccd: TitleField.Cccd,
          fullName: TitleField.FullName,
          dateOfBirth: TitleField.DateOfBirth,
        });
        return at(row.rowNumber, field, personProblemKey(match));
      }
      const branch = branchOn(state.byName.get(foldVietnamese(row.branchName)) ?? [], row.decisionDate);
      if (branch === 'unknown')
        return at(row.rowNumber, TitleField.Branch, 'history.titles.branchUnknown', { name: row.branchName });
      if (branch === 'notInForce')
        return at(row.rowNumber, TitleField.Branch, 'history.titles.branchNotInForce', {
          name: row.branchName,
        });
      const key = `${match.workerId}:${row.year}`;
      const first = state.seen.get(key);
      if (first !== undefined && first !== row.rowNumber)
        return at(row.rowNumber, TitleField.Year, 'import.row.duplicate', { row: first });
      state.seen.set(key, row.rowNumber);
      accepted.push({ row, workerId: match.workerId, fields: fieldsOf(row, branch) });
    });
    // Without a manager the chunk was saved before: only its keys are remembered, and its dates.
    if (!manager)
      return {
        created: 0,
        updated: 0,
        unchanged: 0,
        refused: 0,
        problems: [],
        since: earliest(accepted.map((a) => a.row.decisionDate)),
      };

    const existing = await this.titles.findFor(
      accepted.map((a) => ({ workerId: a.workerId, year: a.row.year })),
      manager,
    );
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const moved: string[] = [];
    for (const { row, workerId, fields } of accepted) {
      const title = existing.get(`${workerId}:${row.year}`);
      if (!title) {
        await this.titles.insert(manager, {
          ...fields,
          applicationId: null,
          workerId,
          year: row.year,
          criteriaSetId: null,
          totalPoints: null,
          certificateNo: null,
          verifyCode: newVerifyCode(),
          recognisedBy: run.uploadedBy,
          revokedBy: fields.revokedAt ? run.uploadedBy : null,
          importId: run.id,
        });
        created++;
        moved.push(row.decisionDate);
        continue;
      }
      if (title.applicationId !== null) {
        at(row.rowNumber, TitleField.Year, 'history.titles.inHoctap', { year: row.year });
        continue;
      }
      const changes = changesOf(title, fields);
      if (Object.keys(changes).length === 0) {
        unchanged++;
        continue;
      }
      await this.titles.update(manager, title.id, {
        ...changes,
        ...(changes.revokedAt !== undefined ? { revokedBy: changes.revokedAt ? run.uploadedBy : null } : {}),
        importId: run.id,
      });
      updated++;
      moved.push(row.decisionDate, title.decisionDate ?? row.decisionDate);
    }
    return {
      created,
      updated,
      unchanged,
      refused: new Set(problems.map((p) => p.rowNumber)).size,
      problems,
      since: earliest(moved),
    };
  }
}

/** Reads a row's cells; each problem is reported through `at` (the row is then left out). */
function readRow(
  r: SheetDataRow,
  header: TitleHeader,
  today: string,
  at: (rowNumber: number, field: TitleField | null, key: string, params?: RowProblem['params']) => void,
): TitleRow | null {
  const c = cellsOf(header, r.cells) as Partial<Record<TitleField, CellValue>>;
  const n = r.rowNumber;
  const required = (field: TitleField): string => {
    const text = cellText(c[field]);
    if (!text) at(n, field, 'import.row.required');
    return text;
  };
  const date = (field: TitleField, need: boolean): string | null => {
    const value = parseSheetDate(c[field] ?? null);
    if (value === INVALID) at(n, field, 'import.row.date');
    else if (value === null) {
      if (need) at(n, field, 'import.row.required');
    } else if (value > today) at(n, field, 'import.row.future');
    else return value;
    return null;
  };
  const cccd = parseCccd(c[TitleField.Cccd] ?? null) ?? '';
  if (!cccd) at(n, TitleField.Cccd, 'import.row.required');
  const fullName = required(TitleField.FullName);
  const dateOfBirth = date(TitleField.DateOfBirth, true);
  const yearText = cellText(c[TitleField.Year]);
  const year = Number(yearText);
  const thisYear = Number(today.slice(0, 4));
  if (!yearText) at(n, TitleField.Year, 'import.row.required');
  // This year's titles go through the review chain: a sheet must not bypass it.
  else if (!Number.isInteger(year) || year < EARLIEST_YEAR || year >= thisYear)
    at(n, TitleField.Year, 'history.titles.year', { from: EARLIEST_YEAR, to: thisYear - 1 });
  const branchName = required(TitleField.Branch);
  const decisionNo = required(TitleField.DecisionNo).slice(0, 60);
  const decisionDate = date(TitleField.DecisionDate, true);
  if (
    decisionDate &&
    Number.isInteger(year) &&
    (Number(decisionDate.slice(0, 4)) < year || Number(decisionDate.slice(0, 4)) > year + 1)
  )
    at(n, TitleField.DecisionDate, 'history.titles.decisionYear', { year });
  const revokedOn = date(TitleField.RevokedOn, false);
  const revokeReason = cellText(c[TitleField.RevokeReason]) || null;
  if (revokedOn && decisionDate && revokedOn < decisionDate)
    at(n, TitleField.RevokedOn, 'history.titles.revokedBefore');
  if (revokedOn && !revokeReason) at(n, TitleField.RevokeReason, 'history.titles.reasonRequired');
  if (!dateOfBirth || !decisionDate) return null;
  return {
    rowNumber: n,
    cccd,
    fullName,
    dateOfBirth,
    year,
    branchName,
    decisionNo,
    decisionDate,
    revokedOn,
    revokeReason: revokedOn ? revokeReason : null,
  };
}

/** The branch of that name in force on the decision's day. */
function branchOn(named: AssociationBranch[], day: string): AssociationBranch | 'unknown' | 'notInForce' {
  if (named.length === 0) return 'unknown';
  return (
    named.find(
      (b) => (b.validFrom === null || b.validFrom <= day) && (b.validTo === null || b.validTo >= day),
    ) ?? 'notInForce'
  );
}

function fieldsOf(row: TitleRow, branch: AssociationBranch): TitleFields {
  return {
    branchId: branch.id,
    issuerName: branch.name,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
    recognisedAt: vietnamDayStart(row.decisionDate),
    status: row.revokedOn ? RecognitionStatus.Revoked : RecognitionStatus.Valid,
    revokedAt: row.revokedOn ? vietnamDayStart(row.revokedOn) : null,
    revokeReason: row.revokeReason,
  };
}

/** What a corrected row changes in a title brought in before. */
function changesOf(title: Recognition, fields: TitleFields): Partial<TitleFields> {
  const changes: Partial<TitleFields> = {};
  const time = (d: Date | null) => (d ? new Date(d).getTime() : null);
  if (title.branchId !== fields.branchId) changes.branchId = fields.branchId;
  if (title.issuerName !== fields.issuerName) changes.issuerName = fields.issuerName;
  if (title.decisionNo !== fields.decisionNo) changes.decisionNo = fields.decisionNo;
  if (title.decisionDate !== fields.decisionDate) {
    changes.decisionDate = fields.decisionDate;
    changes.recognisedAt = fields.recognisedAt;
  }
  if (title.status !== fields.status) changes.status = fields.status;
  if (time(title.revokedAt) !== time(fields.revokedAt)) changes.revokedAt = fields.revokedAt;
  if ((title.revokeReason ?? null) !== fields.revokeReason) changes.revokeReason = fields.revokeReason;
  return changes;
}

function earliest(days: string[]): string | null {
  return days.length === 0 ? null : days.reduce((a, b) => (b < a ? b : a));
}
