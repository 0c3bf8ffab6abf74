import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { foldVietnamese } from '../../common/text/vietnamese';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { Transaction } from '../../database/unit-of-work';
import { ImportKind, ImportRun } from '../../imports/entities/import-run.entity';
import { HistoryKind, HistoryKinds } from '../../imports/history-kinds';
import { RowReader } from '../../imports/history-rows';
import { ChunkResult, ImportSheet, requiredHeader, SheetDataRow } from '../../imports/import-pipeline';
import { CellValue, isBlank } from '../../imports/spreadsheet/cells';
import { cellsOf } from '../../imports/spreadsheet/columns';
import { SheetTemplate } from '../../imports/spreadsheet/sheet-template';
import { InstitutionsService } from '../../organisations/institutions.service';
import { PersonMatcher, personProblemField, personProblemKey } from '../../workers/person-match';
import { RecordSource } from '../entities/learning-record.entity';
import { externalRef, ExternalRecordsRepository } from '../external-records.repository';
import { assertSame, Submission } from '../external-records.service';
import { DomainCode } from '../learning-domains';
import { LearningRecordsService } from '../learning-records.service';
import { parseDomains } from './domain-cell';
import {
  matchResultHeader,
  ResultField,
  ResultHeader,
  resultHeader,
  RESULTS_TEMPLATE,
} from './history-sheets';
import { earliest } from './trainings-history.import';

interface ResultRow {
  rowNumber: number;
  institutionName: string;
  resultId: string | null;
  cccd: string;
  fullName: string;
  dateOfBirth: string;
  title: string;
  programme: string | null;
  certificateNo: string | null;
  completedOn: string;
  hours: number;
  domains: DomainCode[];
}

/**
 * Results institutions reported for past years, including for workers who have left since: the
 * same store as the results API (an external record and its learning record), without the API's
 * rule that the worker be employed at a partner enterprise — in a past year's list, the worker
 * may have been between jobs or left since, and still learned. The result's id is the
 * institution's own, or when the list has none one derived from the person, the course and the
 * day; the same id with other content is refused as the API refuses it.
 */
@Injectable()
export class ResultsHistoryImport implements HistoryKind, OnModuleInit {
  readonly kind = ImportKind.HistoryResults;
  readonly slug = 'results';
  readonly titleKey = 'history.results.title';
  readonly introKey = 'history.results.intro';
  readonly template = RESULTS_TEMPLATE as SheetTemplate<string>;
  readonly templateName = 'mau-lich-su-ket-qua-hoc-tap.xlsx';

  constructor(
    private readonly kinds: HistoryKinds,
    private readonly external: ExternalRecordsRepository,
    private readonly records: LearningRecordsService,
    private readonly institutions: InstitutionsService,
    private readonly people: PersonMatcher,
    private readonly pii: PiiCipher,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  recognises(cells: CellValue[]): boolean {
    const found = requiredHeader(matchResultHeader(cells), 0, resultHeader);
    return !!found && 'header' in found;
  }

  mayImport(actor: Actor): Promise<boolean> {
    return Promise.resolve(actor.has(Role.FederationAdmin));
  }

  async open(run: ImportRun): Promise<ImportSheet<ResultHeader>> {
    const today = todayInVietnam();
    const institutions = new Map((await this.institutions.all()).map((i) => [foldVietnamese(i.name), i.id]));
    const seen = new Map<string, number>();
    return {
      noHeaderMessage: 'history.results.noHeader',
      readHeader: (cells: CellValue[], rowNumber: number) =>
        requiredHeader(matchResultHeader(cells), rowNumber, resultHeader),
      isEmptyRow: (header: ResultHeader, cells: CellValue[]) =>
        Object.values(cellsOf(header, cells)).every((c) => isBlank(c as CellValue)),
      saveChunk: (header: ResultHeader, rows: SheetDataRow[], manager: Transaction | null) =>
        this.saveChunk(run, header, rows, { today, institutions, seen }, manager),
    };
  }

  private async saveChunk(
    run: ImportRun,
    header: ResultHeader,
    rows: SheetDataRow[],
    state: { today: string; institutions: Map<string, number>; seen: Map<string, number> },
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const reader = new RowReader(header, resultHeader, state.today);
    const read: ResultRow[] = [];
    for (const r of rows) {
      const row = readRow(reader, r);
      if (row && reader.count(r.rowNumber) === 0) read.push(row);
    }
    const matches = await this.people.match(read, manager ?? undefined);
    const accepted: { row: ResultRow; workerId: number; institutionId: number; submission: Submission }[] =
      [];
    read.forEach((row, i) => {
      const institutionId = state.institutions.get(foldVietnamese(row.institutionName));
      if (institutionId === undefined)
        return reader.at(row.rowNumber, ResultField.Institution, 'history.results.institutionUnknown', {
          name: row.institutionName,
        });
      const match = matches[i];
      if (!('workerId' in match)) {
        const field = personProblemField(match, {
          cccd: ResultField.Cccd,
          fullName: ResultField.FullName,
          dateOfBirth: ResultField.DateOfBirth,
        });
        return reader.at(row.rowNumber, field, personProblemKey(match));
      }
      const cccdHash = this.pii.blindIndex(row.cccd);
      const externalId = row.resultId ?? derivedId(cccdHash, row);
      const key = `${institutionId}|${externalId}`;
      const first = state.seen.get(key);
      if (first !== undefined && first !== row.rowNumber)
        return reader.at(row.rowNumber, ResultField.ResultId, 'import.row.duplicate', { row: first });
      state.seen.set(key, row.rowNumber);
      accepted.push({
        row,
        workerId: match.workerId,
        institutionId,
        submission: {
          externalId,
          cccdHash,
          dateOfBirth: row.dateOfBirth,
          title: row.title,
          programme: row.programme,
          certificateNo: row.certificateNo,
          completedOn: row.completedOn,
          hours: row.hours,
          domains: row.domains,
        },
      });
    });
    if (!manager)
      return {
        created: 0,
        updated: 0,
        unchanged: 0,
        refused: 0,
        problems: [],
        since: earliest(accepted.map((a) => a.row.completedOn)),
      };

    let created = 0;
    let unchanged = 0;
    const added: string[] = [];
    for (const { row, workerId, institutionId, submission } of accepted) {
      const stored = await this.external.findByExternalId(institutionId, submission.externalId, manager);
      if (stored) {
        try {
          assertSame(stored, submission);
          unchanged++;
        } catch {
          reader.at(row.rowNumber, row.resultId ? ResultField.ResultId : null, 'history.results.conflict', {
            id: submission.externalId,
          });
        }
        continue;
      }
      const id = await this.external.insert(manager, {
        institutionId,
        externalId: submission.externalId,
        workerId,
        title: row.title,
        programme: row.programme,
        certificateNo: row.certificateNo,
        completedOn: row.completedOn,
        hours: row.hours,
        submittedBy: run.uploadedBy,
      });
      await this.records.recordWithin(manager, {
        workerId,
        occurredOn: row.completedOn,
        hours: row.hours,
        source: RecordSource.External,
        sourceRef: externalRef(id),
        title: (row.programme ? `${row.title} (${row.programme})` : row.title).slice(0, 255),
        domains: row.domains,
        institutionId,
        enterpriseId: await this.people.employerOn(workerId, row.completedOn),
      });
      created++;
      added.push(row.completedOn);
    }
    return {
      created,
      updated: 0,
      unchanged,
      refused: new Set(reader.problems.map((p) => p.rowNumber)).size,
      problems: reader.problems,
      since: earliest(added),
    };
  }
}

/** The id of a result a list gives none: the same person, course and day give the same id. */
function derivedId(cccdHash: string, row: ResultRow): string {
  const digest = createHash('sha256')
    .update([cccdHash, foldVietnamese(row.title), row.completedOn].join('|'))
    .digest('hex');
  return `LS-${digest.slice(0, 24)}`;
}

function readRow(reader: RowReader<ResultField>, r: SheetDataRow): ResultRow | null {
  const n = r.rowNumber;
  const c = reader.cells(r);
  const institutionName = reader.text(n, c, ResultField.Institution, true);
  const resultId = reader.text(n, c, ResultField.ResultId, false, 100) || null;
  const cccd = reader.cccd(n, c, ResultField.Cccd);
  const fullName = reader.text(n, c, ResultField.FullName, true);
  const dateOfBirth = reader.date(n, c, ResultField.DateOfBirth, true);
  const title = reader.text(n, c, ResultField.Title, true, 200);
  const programme = reader.text(n, c, ResultField.Programme, false, 200) || null;
  const certificateNo = reader.text(n, c, ResultField.CertificateNo, false, 100) || null;
  const completedOn = reader.date(n, c, ResultField.CompletedOn, true);
  const hours = reader.hours(n, c, ResultField.Hours);
  const domainsText = reader.text(n, c, ResultField.Domains, true);
  const parsed = domainsText ? parseDomains(domainsText) : null;
  if (parsed && 'unknown' in parsed)
    reader.at(n, ResultField.Domains, 'history.error.domain', { domain: parsed.unknown });
  if (!dateOfBirth || !completedOn || !parsed || 'unknown' in parsed) return null;
  return {
    rowNumber: n,
    institutionName,
    resultId,
    cccd,
    fullName,
    dateOfBirth,
    title,
    programme,
    certificateNo,
    completedOn,
    hours,
    domains: parsed.domains,
  };
}
