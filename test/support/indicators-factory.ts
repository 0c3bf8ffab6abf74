import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { Browser } from './test-app';
import {
  ReportingBody,
  ReportingBodyKind,
  ReportingBodyMember,
} from '../../src/indicators/entities/reporting-body.entity';
import {
  IndicatorSnapshot,
  IndicatorSnapshotRow,
  SnapshotLevel,
  SnapshotStatus,
} from '../../src/indicators/entities/snapshot.entity';

/**
 * Roll-up snapshots and reporting bodies written straight into their tables, for the dashboard
 * and report tests: the figures of each enterprise are given, and the unit and province rows are
 * their sums, as the roll-up writes them (one PROVINCE row for the root in force, UNIT rows under
 * it, ENTERPRISE rows under their unit).
 */

export interface EnterpriseFigures {
  enterpriseId: number;
  /** The unit in force that the enterprise lies in; the root itself when the tree has no level below. */
  unitId: number;
  population: number;
  declaredHeadcount: number;
  law: number;
  vocational: number;
  lifeSkills: number;
  digital: number;
  learningCitizen: number;
}

const FIGURES = [
  'population',
  'declaredHeadcount',
  'denominator',
  'law',
  'vocational',
  'lifeSkills',
  'digital',
  'learningCitizen',
] as const;

export async function seededPlan(db: DataSource): Promise<{ id: number; startDate: string }> {
  const [row] = await db.query("SELECT id, start_date FROM plans WHERE code = 'DAKNONG-1268-2030'");
  return { id: Number(row.id), startDate: String(row.start_date).slice(0, 10) };
}

/**
 * The unit with this code in force on a date (the new tree reuses old codes), or the first unit with
 * it when no date is given.
 */
export async function unitId(db: DataSource, code: string, on?: string): Promise<number> {
  const [row] = on
    ? await db.query(
        `SELECT id FROM admin_units WHERE code = ? AND (valid_from IS NULL OR valid_from <= ?)
           AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id`,
        [code, on, on],
      )
    : await db.query('SELECT id FROM admin_units WHERE code = ? ORDER BY id', [code]);
  if (!row) throw new Error(`no unit ${code}${on ? ` on ${on}` : ''}`);
  return Number(row.id);
}

export async function enterpriseId(db: DataSource, taxCode: string): Promise<number> {
  const [row] = await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [taxCode]);
  if (!row) throw new Error(`no enterprise ${taxCode}`);
  return Number(row.id);
}

export async function userId(db: DataSource, username: string): Promise<number> {
  const [row] = await db.query('SELECT id FROM users WHERE username = ?', [username]);
  if (!row) throw new Error(`no user ${username}`);
  return Number(row.id);
}

/**
 * Writes a READY snapshot of the plan on `asOf`, replacing any earlier one of the same date whole
 * (as a new roll-up does). Returns its id.
 */
export async function createSnapshot(
  db: DataSource,
  options: { planId: number; asOf: string; rootUnitId: number; enterprises: EnterpriseFigures[] },
): Promise<number> {
  return db.transaction(async (manager) => {
    const snapshots = manager.getRepository(IndicatorSnapshot);
    const old = await snapshots.findOne({ where: { planId: options.planId, asOf: options.asOf } });
    if (old) {
      await manager.getRepository(IndicatorSnapshotRow).delete({ snapshotId: old.id });
      await snapshots.delete({ id: old.id });
    }
    const rows = new Map<string, Partial<IndicatorSnapshotRow>>();
    const add = (
      level: SnapshotLevel,
      orgId: number,
      parentUnitId: number | null,
      f: Record<string, number>,
    ) => {
      const key = `${level}:${orgId}`;
      const row = rows.get(key) ?? {
        level,
        orgId,
        parentUnitId,
        ...Object.fromEntries(FIGURES.map((k) => [k, 0])),
      };
      for (const k of FIGURES) (row as Record<string, number>)[k] += f[k];
      rows.set(key, row);
    };
    for (const e of options.enterprises) {
      const f = { ...e, denominator: Math.max(e.declaredHeadcount, e.population) } as unknown as Record<
        string,
        number
      >;
      add(SnapshotLevel.Enterprise, e.enterpriseId, e.unitId, f);
      if (e.unitId !== options.rootUnitId) add(SnapshotLevel.Unit, e.unitId, options.rootUnitId, f);
      add(SnapshotLevel.Province, options.rootUnitId, null, f);
    }
    const province = rows.get(`${SnapshotLevel.Province}:${options.rootUnitId}`);
    const snapshot = await snapshots.save(
      snapshots.create({
        planId: options.planId,
        asOf: options.asOf,
        status: SnapshotStatus.Ready,
        jobRunId: null,
        enterprises: options.enterprises.length,
        population: Number(province?.population ?? 0),
        computedAt: new Date(),
      }),
    );
    await manager
      .getRepository(IndicatorSnapshotRow)
      .insert([...rows.values()].map((r) => ({ ...r, snapshotId: snapshot.id })));
    return snapshot.id;
  });
}

/** The reporting body of that name in the plan, created when missing. */
export async function ensureReportingBody(
  db: DataSource,
  body: {
    planId: number;
    kind: ReportingBodyKind;
    name: string;
    unitId?: number | null;
    dueMonthDay: string;
    position: number;
  },
): Promise<number> {
  const repo = db.getRepository(ReportingBody);
  const existing = await repo.findOne({ where: { planId: body.planId, name: body.name } });
  if (existing) return existing.id;
  const saved = await repo.save(repo.create({ ...body, unitId: body.unitId ?? null, branchId: null }));
  return saved.id;
}

export async function addBodyMember(db: DataSource, bodyId: number, member: number): Promise<void> {
  const repo = db.getRepository(ReportingBodyMember);
  if (!(await repo.exists({ where: { bodyId, userId: member } })))
    await repo.insert({ bodyId, userId: member });
}

/** A login with the demo password (copied from another demo login) and one role. */
export async function createLogin(
  db: DataSource,
  options: { username: string; displayName: string; role: Role; scopeType: ScopeType; scopeId: number },
): Promise<number> {
  const [demo] = await db.query("SELECT password_hash FROM users WHERE username = 'liendoan'");
  await db.query(
    "INSERT INTO users (username, display_name, password_hash, status) VALUES (?, ?, ?, 'ACTIVE')",
    [options.username, options.displayName, demo.password_hash],
  );
  const id = await userId(db, options.username);
  await db.query('INSERT INTO role_assignments (user_id, role, scope_type, scope_id) VALUES (?, ?, ?, ?)', [
    id,
    options.role,
    options.scopeType,
    options.scopeId,
  ]);
  return id;
}

// --- reading what the pages and files show ------------------------------------------------------

/** The text of an HTML fragment, entities decoded. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** A table of the page (by its data-table name) as text cells: headers, then rows. */
export function tableOf(html: string, name: string): { headers: string[]; rows: string[][] } {
  const table = new RegExp(`<table class="ind-table" data-table="${name}">([\\s\\S]*?)</table>`).exec(
    html,
  )?.[1];
  if (!table) throw new Error(`no table ${name}`);
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
  );
  return { headers: rows[0], rows: rows.slice(1) };
}

/** A screen cell as the value a file holds: "1.250" → 1250, "45,3" → 45.3, "—" → null. */
export function screenValue(cell: string): string | number | null {
  if (cell === '—' || cell === '') return null;
  if (/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(cell)) return Number(cell.replace(/\./g, '').replace(',', '.'));
  return cell;
}

export const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

export async function xlsxRows(body: Buffer, sheetIndex = 0): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[sheetIndex];
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined || v === '' ? null : (v as string | number));
    }
    rows.push(values);
  });
  return rows;
}

export function csvRows(text: string): (string | number | null)[][] {
  const rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  return rows.map((r, i) =>
    r.map((cell) => (cell === '' ? null : i > 0 && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)),
  );
}

/** Expects the page's table and the XLSX and CSV of it to hold the same header and values. */
export async function expectExportsMatch(browser: Browser, pageUrl: string, html: string, table: string) {
  const screen = tableOf(html, table);
  const expected = [screen.headers, ...screen.rows.map((r) => r.map(screenValue))];
  const sep = pageUrl.includes('?') ? '&' : '?';
  const xlsx = await browser.agent
    .get(`${pageUrl}${sep}table=${table}&format=xlsx`)
    .buffer(true)
    .parse(binary);
  expect(xlsx.status).toBe(200);
  expect(await xlsxRows(xlsx.body as Buffer)).toEqual(expected);
  const csv = await browser.agent.get(`${pageUrl}${sep}table=${table}&format=csv`);
  expect(csv.status).toBe(200);
  expect(csvRows(csv.text)).toEqual(expected);
}

/** Every link of a page, entities decoded. */
export const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => textOf(m[1]));

/** The text a PDF draws, line by line: its content streams decoded through each font's ToUnicode map. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const dicts = new Map<number, string>();
  const streams = new Map<number, Buffer>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const num = Number(m[1]);
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      dicts.set(num, body);
      continue;
    }
    const dict = body.slice(0, at);
    dicts.set(num, dict);
    const start = body.indexOf('\n', at) + 1;
    // The stream is /Length bytes long: compressed data may itself end with a newline byte, so
    // trimming the one before "endstream" would now and then cut the data short.
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1];
    const end = length ? start + Number(length) : body.lastIndexOf('endstream');
    let data = Buffer.from(body.slice(start, end), 'latin1');
    if (!length) data = Buffer.from(data.toString('latin1').replace(/\r?\n$/, ''), 'latin1');
    if (dict.includes('/FlateDecode')) data = inflateSync(data);
    streams.set(num, data);
  }
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (num: number) => {
    if (cmaps.has(num)) return cmaps.get(num)!;
    const map = new Map<number, string>();
    const text = streams.get(num)?.toString('latin1') ?? '';
    const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(parseInt(p[1], 16), utf16(p[2]));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of block[1].matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        const lo = parseInt(p[1], 16);
        const hi = parseInt(p[2], 16);
        if (p[3].startsWith('[')) {
          [...p[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1])));
        } else {
          const base = parseInt(p[3].slice(1, -1), 16);
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
        }
      }
    }
    cmaps.set(num, map);
    return map;
  };
  // Font resource names (F1, F2…) → the ToUnicode map of the font object.
  const fonts = new Map<string, Map<number, string>>();
  for (const dict of dicts.values()) {
    for (const f of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dicts.get(Number(f[2])) ?? '');
      if (toUnicode) fonts.set(f[1], cmapOf(Number(toUnicode[1])));
    }
  }
  const lines: string[] = [];
  for (const [num, data] of streams) {
    const dict = dicts.get(num) ?? '';
    if (/ToUnicode|FontFile|Subtype|Length1/.test(dict) && !/BT/.test(data.toString('latin1').slice(0, 2000)))
      continue;
    const content = data.toString('latin1');
    let font = new Map<number, string>();
    for (const op of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const hexes =
        op[2] !== undefined
          ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1])
          : op[3] !== undefined
            ? [op[3]]
            : [];
      if (hexes.length === 0) continue;
      let line = '';
      for (const hex of hexes)
        for (let i = 0; i < hex.length; i += 4) line += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
      lines.push(line);
    }
  }
  // Lines wrapped in a table cell are joined again; a wrapped line ends with a space glyph.
  return lines
    .join(' ')
    .replace(/[\u00a0\u00b7]/g, ' ')
    .replace(/\s+/g, ' ');
}
