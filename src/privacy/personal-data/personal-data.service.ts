import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Actor } from '../../common/access/actor';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { ConsentService } from '../consent/consent.service';
import { PersonalDataProviders, PersonalRow } from '../../common/personal-data/personal-data-providers';
import { WorkersService } from '../../workers/workers.service';
import { camelKinds, cellValue, DateKind, exportRow } from './export-document';
import { headerOf, readableCell, readableTable, shownColumn } from './export-labels';
import { PersonalDataRepository, Row, SECTION_ORDER } from './personal-data.repository';
import { vietnamDateTime } from '../../common/time/vietnam-time';

export const EXPORT_FORMAT = 'hoctap-personal-data';

export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  noticeVersion: number;
  account: Row | null;
  /** The worker's profile with the full CCCD: it is their own. Null for someone who is not a worker. */
  profile: Row | null;
  sections: Record<string, Row[]>;
  /** Who saw the full CCCD: role, organisation and when (not the viewer's name). */
  accessLog: Row[];
}

/** The self-service export (right of access and portability): everything kept about the person. */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly data: PersonalDataRepository,
    private readonly pii: PiiCipher,
    private readonly providers: PersonalDataProviders,
    private readonly workers: WorkersService,
    private readonly consents: ConsentService,
  ) {}

  /**
   * Calendar dates read 'YYYY-MM-DD' and instants Vietnam time with the offset
   * ('2025-03-10T07:00:00+07:00'), the same on SQLite and MySQL.
   */
  async export(actor: Actor, now = new Date()): Promise<PersonalDataExport> {
    const kinds = this.data.dateKinds();
    const row = (r: Row) => exportRow(r, kinds);
    const workerId = actor.workerId ?? (await this.workers.idOfUser(actor.userId));
    const subject = { userId: actor.userId, workerId };
    // Every domain answers for its own tables (src/common/personal-data); 'account', 'profile' and
    // 'accessLog' are shown apart from the sections.
    const parts: Record<string, PersonalRow[]> = Object.assign(
      {},
      ...(await Promise.all(this.providers.all().map((p) => p.export(subject)))),
    );
    const { account = [], profile = [], accessLog = [], ...rest } = parts;
    const worker = profile[0] ?? null;
    const order = (key: string) =>
      SECTION_ORDER.includes(key) ? SECTION_ORDER.indexOf(key) : SECTION_ORDER.length;
    const sections = Object.entries(rest).sort(([a], [b]) => order(a) - order(b));
    return {
      format: EXPORT_FORMAT,
      exportedAt: vietnamDateTime(now),
      noticeVersion: this.consents.currentVersion,
      account: account[0] ? row(account[0]) : null,
      profile: worker ? { ...row(worker), cccd: this.pii.decrypt(String(worker.cccd_encrypted)) } : null,
      sections: Object.fromEntries(sections.map(([k, rows]) => [k, rows.map(row)])),
      accessLog: accessLog.map(row),
    };
  }

  /**
   * The same export as a workbook for the person to read: the account and profile on the first
   * sheet, one sheet per section; headers in their language, codes as labels, dates dd/MM/yyyy and
   * times in Vietnam time (export-labels.ts).
   */
  async workbook(actor: Actor, locale: Locale, now = new Date()): Promise<ExcelJS.Workbook> {
    const doc = await this.export(actor, now);
    const kinds = new Map<string, DateKind>([
      ...camelKinds(this.data.dateKinds()),
      ['exportedAt', 'instant'],
      ['at', 'instant'],
    ]);
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet(sheetName(translate(locale, 'privacy.export.profile')));
    first.columns = [
      { header: translate(locale, 'privacy.export.field'), width: 32 },
      { header: translate(locale, 'privacy.export.value'), width: 48 },
    ];
    first.addRow([translate(locale, 'privacy.export.exportedAt'), cellValue(doc.exportedAt, 'instant')]);
    first.addRow([
      translate(locale, 'privacy.export.timeZone'),
      translate(locale, 'privacy.export.timeZoneValue'),
    ]);
    for (const [section, row] of [
      ['account', doc.account],
      ['profile', doc.profile],
    ] as const) {
      if (!row) continue;
      first.addRow([translate(locale, `privacy.export.part.${section}`)]).font = { bold: true };
      for (const column of Object.keys(row))
        if (shownColumn(section, column))
          first.addRow([
            headerOf(locale, section, column),
            readableCell(locale, section, column, row, kinds),
          ]);
    }
    const sections: [string, Row[]][] = [...Object.entries(doc.sections), ['accessLog', doc.accessLog]];
    for (const [section, rows] of sections) {
      const sheet = book.addWorksheet(sheetName(translate(locale, `privacy.export.section.${section}`)));
      const { headers, cells } = readableTable(locale, section, rows, kinds);
      sheet.columns = (headers.length ? headers : [translate(locale, 'privacy.export.none')]).map((h) => ({
        header: h,
        width: Math.min(48, Math.max(12, h.length + 2)),
      }));
      for (const row of cells) sheet.addRow(row);
    }
    for (const sheet of book.worksheets) sheet.getRow(1).font = { bold: true };
    return book;
  }
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
