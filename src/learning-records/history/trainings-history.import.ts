import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
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
import { PersonMatcher, personProblemField, personProblemKey } from '../../workers/person-match';
import { RecordSource } from '../entities/learning-record.entity';
import { DomainCode } from '../learning-domains';
import { LearningRecordsService } from '../learning-records.service';
import { parseDomains } from './domain-cell';
import {
  matchTrainingHeader,
  TrainingField,
  TrainingHeader,
  trainingHeader,
  TRAININGS_TEMPLATE,
} from './history-sheets';
import { HistoryTrainingsRepository } from './history-trainings.repository';

interface AttendanceRow {
  rowNumber: number;
  heldOn: string;
  title: string;
  organiser: string;
  trainingKey: string;
  hours: number;
  domains: DomainCode[];
  cccd: string;
  fullName: string;
  dateOfBirth: string;
}

export function trainingRef(id: number): string {
  return `training:${id}`;
}

/**
 * In-person trainings held before hoctap, from their attendance lists: one attendee per row. The
 * training (day, title, organiser) is kept once; each attendee gets one learning record on the
 * training's day with its domains and hours, credited to the enterprise they worked at that day (if
 * any: a person between jobs still learned). The record's unique (worker, source, ref) makes a
 * second upload change nothing.
 */
@Injectable()
export class TrainingsHistoryImport implements HistoryKind, OnModuleInit {
  readonly kind = ImportKind.HistoryTrainings;
  readonly slug = 'trainings';
  readonly titleKey = 'history.trainings.title';
  readonly introKey = 'history.trainings.intro';
  readonly template = TRAININGS_TEMPLATE as SheetTemplate<string>;
  readonly templateName = 'mau-lich-su-tap-huan.xlsx';

  constructor(
    private readonly kinds: HistoryKinds,
    private readonly trainings: HistoryTrainingsRepository,
    private readonly records: LearningRecordsService,
    private readonly people: PersonMatcher,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  recognises(cells: CellValue[]): boolean {
    const found = requiredHeader(matchTrainingHeader(cells), 0, trainingHeader);
    return !!found && 'header' in found;
  }

  mayImport(actor: Actor): Promise<boolean> {
    return Promise.resolve(actor.has(Role.FederationAdmin));
  }

  open(run: ImportRun): Promise<ImportSheet<TrainingHeader>> {
    const today = todayInVietnam();
    // Each training's hours and domains as its first row gave them, and each attendee's first row.
    const trainings = new Map<string, { rowNumber: number; hours: number; domains: string }>();
    const attendees = new Map<string, number>();
    return Promise.resolve({
      noHeaderMessage: 'history.trainings.noHeader',
      readHeader: (cells: CellValue[], rowNumber: number) =>
        requiredHeader(matchTrainingHeader(cells), rowNumber, trainingHeader),
      isEmptyRow: (header: TrainingHeader, cells: CellValue[]) =>
        Object.values(cellsOf(header, cells)).every((c) => isBlank(c as CellValue)),
      saveChunk: (header: TrainingHeader, rows: SheetDataRow[], manager: Transaction | null) =>
        this.saveChunk(run, header, rows, { today, trainings, attendees }, manager),
    });
  }

  private async saveChunk(
    run: ImportRun,
    header: TrainingHeader,
    rows: SheetDataRow[],
    state: {
      today: string;
      trainings: Map<string, { rowNumber: number; hours: number; domains: string }>;
      attendees: Map<string, number>;
    },
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const reader = new RowReader(header, trainingHeader, state.today);
    const read: AttendanceRow[] = [];
    for (const r of rows) {
      const row = readRow(reader, r);
      if (row && reader.count(r.rowNumber) === 0) read.push(row);
    }
    const matches = await this.people.match(read, manager ?? undefined);
    const accepted: { row: AttendanceRow; workerId: number }[] = [];
    read.forEach((row, i) => {
      const match = matches[i];
      if (!('workerId' in match)) {
        const field = personProblemField(match, {
          cccd: TrainingField.Cccd,
          fullName: TrainingField.FullName,
          dateOfBirth: TrainingField.DateOfBirth,
        });
        return reader.at(row.rowNumber, field, personProblemKey(match));
      }
      const key = `${row.heldOn}|${row.trainingKey}`;
      const training = state.trainings.get(key);
      const domains = row.domains.join(',');
      if (training && training.rowNumber !== row.rowNumber) {
        if (training.hours !== row.hours)
          return reader.at(row.rowNumber, TrainingField.Hours, 'history.trainings.otherHours', {
            row: training.rowNumber,
          });
        if (training.domains !== domains)
          return reader.at(row.rowNumber, TrainingField.Domains, 'history.trainings.otherDomains', {
            row: training.rowNumber,
          });
      } else state.trainings.set(key, { rowNumber: row.rowNumber, hours: row.hours, domains });
      const attendee = `${key}|${match.workerId}`;
      const first = state.attendees.get(attendee);
      if (first !== undefined && first !== row.rowNumber)
        return reader.at(row.rowNumber, TrainingField.Cccd, 'import.row.duplicate', { row: first });
      state.attendees.set(attendee, row.rowNumber);
      accepted.push({ row, workerId: match.workerId });
    });
    const since = earliest(accepted.map((a) => a.row.heldOn));
    if (!manager) return { created: 0, updated: 0, unchanged: 0, refused: 0, problems: [], since };

    let created = 0;
    let unchanged = 0;
    const ids = new Map<string, number>();
    for (const { row, workerId } of accepted) {
      const key = `${row.heldOn}|${row.trainingKey}`;
      let trainingId = ids.get(key);
      if (trainingId === undefined) {
        const found = await this.trainings.find(manager, row.heldOn, row.trainingKey);
        if (found && (found.hours !== row.hours || found.domains !== row.domains.join(','))) {
          reader.at(row.rowNumber, TrainingField.Hours, 'history.trainings.storedOther', {
            hours: found.hours,
          });
          continue;
        }
        trainingId =
          found?.id ??
          (
            await this.trainings.insert(manager, {
              heldOn: row.heldOn,
              title: row.title,
              organiser: row.organiser,
              trainingKey: row.trainingKey,
              hours: row.hours,
              domains: row.domains.join(','),
              importId: run.id,
            })
          ).id;
        ids.set(key, trainingId);
      }
      const { created: isNew } = await this.records.recordWithin(manager, {
        workerId,
        occurredOn: row.heldOn,
        hours: row.hours,
        source: RecordSource.Training,
        sourceRef: trainingRef(trainingId),
        title: `${row.title} (${row.organiser})`.slice(0, 255),
        domains: row.domains,
        enterpriseId: await this.people.employerOn(workerId, row.heldOn),
      });
      if (isNew) created++;
      else unchanged++;
    }
    return {
      created,
      updated: 0,
      unchanged,
      refused: new Set(reader.problems.map((p) => p.rowNumber)).size,
      problems: reader.problems,
      since: created > 0 ? since : null,
    };
  }
}

function readRow(reader: RowReader<TrainingField>, r: SheetDataRow): AttendanceRow | null {
  const n = r.rowNumber;
  const c = reader.cells(r);
  const heldOn = reader.date(n, c, TrainingField.HeldOn, true);
  const title = reader.text(n, c, TrainingField.Title, true, 200);
  const organiser = reader.text(n, c, TrainingField.Organiser, true, 200);
  const hours = reader.hours(n, c, TrainingField.Hours);
  const domainsText = reader.text(n, c, TrainingField.Domains, true);
  const parsed = domainsText ? parseDomains(domainsText) : null;
  if (parsed && 'unknown' in parsed)
    reader.at(n, TrainingField.Domains, 'history.error.domain', { domain: parsed.unknown });
  const cccd = reader.cccd(n, c, TrainingField.Cccd);
  const fullName = reader.text(n, c, TrainingField.FullName, true);
  const dateOfBirth = reader.date(n, c, TrainingField.DateOfBirth, true);
  if (!heldOn || !dateOfBirth || !parsed || 'unknown' in parsed) return null;
  return {
    rowNumber: n,
    heldOn,
    title,
    organiser,
    trainingKey: `${foldVietnamese(title)}|${foldVietnamese(organiser)}`.slice(0, 200),
    hours,
    domains: parsed.domains,
    cccd,
    fullName,
    dateOfBirth,
  };
}

export function earliest(days: string[]): string | null {
  return days.length === 0 ? null : days.reduce((a, b) => (b < a ? b : a));
}
