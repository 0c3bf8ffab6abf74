import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { AppModule } from '../app.module';
import { DatabaseConfig, parseDatabaseConfig } from '../config';
import { readEnv, setEnv } from '../config/env';
import { foldVietnamese } from '../common/text/vietnamese';
import { isSqlite } from '../database/dialect';
import { SeedRunner } from '../seed/seed.runner';
import { RollupScheduler } from '../indicators/rollup.scheduler';
import { CliError, describeDatabase, openDatabase, runCommand, UsageError } from './cli';
import { todayInVietnam } from '../common/time/vietnam-time';

const USAGE = `Usage: node dist/cli/seed-scale.js --workers N [--records-per-worker R]
       (npm run seed:scale -- --workers 1000000)

Fills the configured database (DATABASE_URL, or the embedded SQLite file) with a realistic,
invented province for benchmarks: enterprises of very unequal sizes in the communes of the old
(Đắk Nông) and new (Lâm Đồng) trees, N workers — about 5% who moved, 8% who left —, about N×R
learning records across the four domains from 2022 to today (default R = 10), the per-worker and
per-worker-year summaries computed from those records, declared headcounts above and below the
rosters, and "learning citizen" titles for about 20% of workers a year, a few revoked.

It only fills a database that has no workers yet (the reference data is loaded if missing): to
start again, drop and re-create the database and run npm run migrate. SQLite takes at most 50,000
workers. Scale workers have a placeholder in place of an encrypted CCCD: they are not people and
cannot sign in.`;

const SQLITE_MAX_WORKERS = 50_000;
/** Rows per multi-row INSERT sent from here (employments, enterprises, headcounts). */
const INSERT_ROWS = 5_000;
/** Workers per INSERT … SELECT statement generated in the database. */
const WORKER_CHUNK = 100_000;
const CIPHERTEXT_PLACEHOLDER = 'scale:not-an-encrypted-cccd';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  "H'",
  'Y',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Đức', 'Thu', 'Minh', 'Kim', 'Quang', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hoa',
  'Lan',
  'Mai',
  'Hương',
  'Long',
  'Trang',
  'Yến',
  'Nam',
  'Phúc',
  'Tâm',
  'Hà',
  'Sơn',
];
const FOLD: Record<string, string> = {
  Nguyễn: 'nguyen',
  Trần: 'tran',
  Lê: 'le',
  Phạm: 'pham',
  Hoàng: 'hoang',
  Vũ: 'vu',
  Đặng: 'dang',
  Bùi: 'bui',
  Đỗ: 'do',
  Hồ: 'ho',
  Ngô: 'ngo',
  Dương: 'duong',
  Lý: 'ly',
  "H'": "h'",
  Y: 'y',
  Văn: 'van',
  Thị: 'thi',
  Hữu: 'huu',
  Ngọc: 'ngoc',
  Đức: 'duc',
  Thu: 'thu',
  Minh: 'minh',
  Kim: 'kim',
  Quang: 'quang',
  Thanh: 'thanh',
  An: 'an',
  Bình: 'binh',
  Cường: 'cuong',
  Dũng: 'dung',
  Hoa: 'hoa',
  Lan: 'lan',
  Mai: 'mai',
  Hương: 'huong',
  Long: 'long',
  Trang: 'trang',
  Yến: 'yen',
  Nam: 'nam',
  Phúc: 'phuc',
  Tâm: 'tam',
  Hà: 'ha',
  Sơn: 'son',
};
const SECTORS = [
  'Chế biến nông sản',
  'Sản xuất, chế biến cà phê',
  'Khai khoáng và luyện kim',
  'Dệt may',
  'Xây dựng',
  'Vận tải',
  'Thương mại, dịch vụ',
  'Điện, năng lượng',
];
const DOMAINS = ['LAW', 'VOCATIONAL', 'LIFE_SKILLS', 'DIGITAL'];

/** The few expressions SQLite and MySQL/MariaDB write differently. */
interface Dialect {
  addDays(date: string, days: string): string;
  concat(...parts: string[]): string;
  year(date: string): string;
  /** Left-pads a number with zeros to `width` characters. */
  pad(value: string, width: number): string;
}

const MYSQL: Dialect = {
  addDays: (date, days) => `DATE_ADD(${date}, INTERVAL (${days}) DAY)`,
  concat: (...parts) => `CONCAT(${parts.join(', ')})`,
  year: (date) => `YEAR(${date})`,
  pad: (value, width) => `LPAD(${value}, ${width}, '0')`,
};
const SQLITE: Dialect = {
  addDays: (date, days) => `date(${date}, '+' || (${days}) || ' days')`,
  concat: (...parts) => `(${parts.join(' || ')})`,
  year: (date) => `CAST(strftime('%Y', ${date}) AS INTEGER)`,
  pad: (value, width) => `substr('${'0'.repeat(width)}' || ${value}, -${width}, ${width})`,
};

/** A deterministic integer hash of SQL integer expressions, the same on both databases (0 … 1,000,002). */
const hash = (...terms: string[]) =>
  `((${terms.map((t, i) => `(${t}) * ${[2654435761, 40503, 97, 7919][i % 4]}`).join(' + ')} + 12345) % 1000003)`;

/** A CASE choosing one of the texts by `index` (0-based, modulo their number). */
const pick = (index: string, texts: string[]) =>
  `CASE (${index}) % ${texts.length} ${texts.map((t, i) => `WHEN ${i} THEN '${t.replace(/'/g, "''")}'`).join(' ')} END`;

interface Options {
  workers: number;
  recordsPerWorker: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { workers: 0, recordsPerWorker: 10 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    const number = Number(value);
    if (!['--workers', '--records-per-worker'].includes(flag))
      throw new UsageError(`unknown argument "${argv[i]}"`);
    if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} needs a whole number`);
    if (flag === '--workers') options.workers = number;
    else options.recordsPerWorker = number;
  }
  if (options.workers < 1) throw new UsageError('--workers N is required (N ≥ 1)');
  if (options.recordsPerWorker > 200) throw new UsageError('--records-per-worker is at most 200');
  return options;
}

/** `npm run seed:scale`: a large invented province for the roll-up benchmark. */
runCommand(USAGE, async (argv) => {
  const options = parseOptions(argv);
  const config = parseDatabaseConfig(readEnv());
  if (config.type === 'sqlite' && options.workers > SQLITE_MAX_WORKERS) {
    throw new CliError(
      `SQLite takes at most ${SQLITE_MAX_WORKERS.toLocaleString('en')} scale workers; for more, set DATABASE_URL to a MySQL or MariaDB database.`,
    );
  }
  const check = await openDatabase(config);
  try {
    await checkReady(check, config);
  } finally {
    await check.destroy();
  }
  // The application's own seeding loads the reference data; nothing else runs meanwhile.
  setEnv({ SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot('web'), {
    logger: false,
    abortOnError: false,
  });
  try {
    app.get(RollupScheduler).stop();
    console.log(`Database: ${describeDatabase(config)}`);
    await new ScaleSeed(app.get(DataSource), app.get(SeedRunner), options).run();
  } finally {
    await app.close();
  }
});

async function checkReady(dataSource: DataSource, config: DatabaseConfig): Promise<void> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  if (pending.length > 0)
    throw new CliError('The database has pending migrations: run `npm run migrate` first.');
  const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM workers');
  if (Number(n) > 0) {
    const how =
      config.type === 'sqlite' ? `delete ${config.file}` : 'drop and re-create the database (utf8mb4)';
    throw new CliError(
      `The database already has ${Number(n).toLocaleString('en')} workers: seed:scale only fills a database without workers. To start again, ${how}, then run npm run migrate.`,
    );
  }
}

class ScaleSeed {
  private readonly sql: Dialect;
  private readonly runId = randomBytes(8).toString('hex');
  private readonly today = todayInVietnam();
  private runner!: QueryRunner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly seeds: SeedRunner,
    private readonly options: Options,
  ) {
    this.sql = isSqlite(dataSource) ? SQLITE : MYSQL;
  }

  async run(): Promise<void> {
    const started = Date.now();
    this.runner = this.dataSource.createQueryRunner();
    await this.runner.connect();
    try {
      if (isSqlite(this.dataSource)) {
        await this.runner.query('PRAGMA synchronous = OFF');
      } else {
        // This session's own bulk load: every row is consistent by construction.
        await this.runner.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
      }
      await this.step('reference data (plan, administrative tree)', () => this.reference());
      await this.step('numbers table', () => this.numbers());
      const units = await this.step('communes of the old and new trees', () => this.communes());
      const sizes = await this.step('enterprises and declared headcounts', () => this.enterprises(units));
      await this.step('workers', () => this.workers());
      await this.step('employments (moves, leavers)', () => this.employments(sizes));
      await this.step('learning records', () => this.records());
      await this.step('learning record domains', () => this.recordDomains());
      await this.step('per-worker summaries', () => this.summaries());
      await this.step('per-worker-year summaries', () => this.yearSummaries());
      await this.step('learning citizen titles', () => this.recognitions());
      await this.runner.query('DROP TABLE scale_numbers');
      const [{ n: records }] = await this.runner.query('SELECT COUNT(*) AS n FROM learning_records');
      console.log(
        `Done in ${seconds(Date.now() - started)}: ${this.options.workers.toLocaleString('en')} workers, ` +
          `${Number(records).toLocaleString('en')} learning records, ${sizes.length.toLocaleString('en')} enterprises.`,
      );
    } finally {
      await this.runner.query('DROP TABLE IF EXISTS scale_numbers').catch(() => undefined);
      await this.runner.release();
    }
  }

  private async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    console.log(`  ${name.padEnd(46)}${seconds(Date.now() - started).padStart(10)}`);
    return result;
  }

  /** Each statement of a step in its own transaction: no undo log of ten million rows. */
  private async exec(sql: string, params: unknown[] = []): Promise<void> {
    await this.runner.startTransaction();
    try {
      await this.runner.query(sql, params);
      await this.runner.commitTransaction();
    } catch (error) {
      await this.runner.rollbackTransaction();
      throw error;
    }
  }

  private async insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const chunk = rows.slice(i, i + INSERT_ROWS);
      const marks = `(${columns.map(() => '?').join(', ')})`;
      await this.exec(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks).join(', ')}`,
        chunk.flat(),
      );
    }
  }

  private async reference(): Promise<void> {
    await this.seeds.run({ demo: false });
  }

  /** 1 … max(workers, 1000), by doubling. */
  private async numbers(): Promise<void> {
    await this.runner.query('DROP TABLE IF EXISTS scale_numbers');
    await this.runner.query('CREATE TABLE scale_numbers (n INTEGER NOT NULL PRIMARY KEY)');
    await this.exec('INSERT INTO scale_numbers (n) VALUES (1)');
    const target = Math.max(this.options.workers, 1000);
    for (let max = 1; max < target; max *= 2) {
      await this.exec('INSERT INTO scale_numbers (n) SELECT n + ? FROM scale_numbers WHERE n + ? <= ?', [
        max,
        max,
        target,
      ]);
    }
  }

  /**
   * Eight communes under each old district (lapsed on 30/06/2025), half as many in the new province
   * from 01/07/2025, each old commune mapped into one of them. Returns the units enterprises go in.
   */
  private async communes(): Promise<{ id: number; weight: number }[]> {
    const units: {
      id: number;
      code: string;
      kind: string;
      path: string;
      depth: number;
      valid_from: unknown;
    }[] = await this.runner.query(
      'SELECT id, code, kind, path, depth, valid_from FROM admin_units ORDER BY id',
    );
    const province = units.find((u) => u.code === '67');
    const newProvince = units.find((u) => u.code === '68');
    const districts = units.filter((u) => province && u.path.startsWith(province.path) && u.depth === 1);
    if (!province || !newProvince || districts.length === 0) {
      throw new CliError('The reference administrative tree (units 67 and 68) is missing.');
    }
    const insertUnit = async (
      code: string,
      name: string,
      kind: string,
      parent: { id: number; path: string; depth: number },
      from: string | null,
      to: string | null,
    ) => {
      await this.exec(
        'INSERT INTO admin_units (code, name, search_key, kind, parent_id, path, depth, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [code, name, foldVietnamese(name), kind, parent.id, '/', parent.depth + 1, from, to],
      );
      const [{ id }] = await this.runner.query('SELECT MAX(id) AS id FROM admin_units');
      await this.exec('UPDATE admin_units SET path = ? WHERE id = ?', [`${parent.path}${id}/`, id]);
      return Number(id);
    };
    const newCommunes: number[] = [];
    for (let i = 0; i < districts.length * 4; i++) {
      newCommunes.push(
        await insertUnit(
          `S68${String(i + 1).padStart(3, '0')}`,
          `Xã Lâm Đồng ${i + 1} (quy mô)`,
          'COMMUNE',
          newProvince,
          '2025-07-01',
          null,
        ),
      );
    }
    const oldCommunes: number[] = [];
    for (const [d, district] of districts.entries()) {
      for (let i = 0; i < 8; i++) {
        const id = await insertUnit(
          `S${district.code}${i + 1}`,
          `Xã ${district.code}-${i + 1} (quy mô)`,
          'COMMUNE',
          district,
          null,
          '2025-06-30',
        );
        oldCommunes.push(id);
        await this.exec(
          "INSERT INTO admin_unit_mappings (from_unit_id, to_unit_id, effective_date, note) VALUES (?, ?, '2025-07-01', 'Sắp xếp đơn vị hành chính (dữ liệu quy mô)')",
          [id, newCommunes[d * 4 + Math.floor(i / 2)]],
        );
      }
    }
    // Most enterprises sit in an old commune, some directly in a district, some in a new commune.
    return [
      ...oldCommunes.map((id) => ({ id, weight: 70 / oldCommunes.length })),
      ...districts.map((d) => ({ id: d.id, weight: 15 / districts.length })),
      ...newCommunes.map((id) => ({ id, weight: 15 / newCommunes.length })),
    ];
  }

  /**
   * About one enterprise per hundred workers, sized by a Pareto law (a few with thousands of
   * workers, most with a handful), each declaring for 2023–2026 a headcount above or below its roster.
   */
  private async enterprises(
    units: { id: number; weight: number }[],
  ): Promise<{ id: number; size: number }[]> {
    const count = Math.max(5, Math.round(this.options.workers / 100));
    // Capped so that the largest employs some thousands, not half the province.
    const raw = Array.from({ length: count }, () =>
      Math.min(3000, 3 / Math.pow(1 - Math.random(), 1 / 1.16)),
    );
    const total = raw.reduce((a, b) => a + b, 0);
    const sizes = raw.map((r) => Math.max(1, Math.floor((r / total) * this.options.workers)));
    // Hand out what rounding left over, largest first.
    let left = this.options.workers - sizes.reduce((a, b) => a + b, 0);
    const order = sizes.map((_, i) => i).sort((a, b) => raw[b] - raw[a]);
    for (let i = 0; left !== 0; i = (i + 1) % order.length) {
      if (left < 0 && sizes[order[i]] <= 1) continue;
      sizes[order[i]] += left > 0 ? 1 : -1;
      left += left > 0 ? -1 : 1;
    }
    const [{ n: before }] = await this.runner.query('SELECT COUNT(*) AS n FROM enterprises');
    const taxCodes = uniqueTaxCodes(count, Number(before));
    const rows = sizes.map((size, i) => {
      const name = `Công ty TNHH Quy mô ${String(i + 1).padStart(5, '0')}`;
      return [name, foldVietnamese(name), taxCodes[i], weighted(units), SECTORS[i % SECTORS.length]];
    });
    await this.insertRows('enterprises', ['name', 'search_key', 'tax_code', 'unit_id', 'sector'], rows);
    const ids: { id: number; tax_code: string }[] = await this.runner.query(
      `SELECT id, tax_code FROM enterprises WHERE tax_code IN (${taxCodes.map(() => '?').join(', ')})`,
      taxCodes,
    );
    const idOf = new Map(ids.map((r) => [r.tax_code, Number(r.id)]));
    const enterprises = taxCodes.map((code, i) => ({ id: idOf.get(code)!, size: sizes[i] }));
    const headcounts: unknown[][] = [];
    for (const e of enterprises) {
      for (const year of [2023, 2024, 2025, 2026]) {
        if (Math.random() < 0.15) continue;
        headcounts.push([e.id, year, Math.max(1, Math.round(e.size * (0.7 + Math.random() * 0.7)))]);
      }
    }
    await this.insertRows('enterprise_headcounts', ['enterprise_id', 'year', 'headcount'], headcounts);
    return enterprises;
  }

  /** Workers generated in the database from the numbers table: invented names, fake CCCD hashes. */
  private async workers(): Promise<void> {
    const s = this.sql;
    const name = (n: string) =>
      s.concat(
        pick(`${n} * 7`, FAMILY),
        "' '",
        pick(`${n} * 3 + 1`, MIDDLE),
        "' '",
        pick(`${n} * 11 + 5`, GIVEN),
      );
    const folded = (n: string) =>
      s.concat(
        pick(
          `${n} * 7`,
          FAMILY.map((w) => FOLD[w]),
        ),
        "' '",
        pick(
          `${n} * 3 + 1`,
          MIDDLE.map((w) => FOLD[w]),
        ),
        "' '",
        pick(
          `${n} * 11 + 5`,
          GIVEN.map((w) => FOLD[w]),
        ),
      );
    for (let from = 1; from <= this.options.workers; from += WORKER_CHUNK) {
      const to = Math.min(this.options.workers, from + WORKER_CHUNK - 1);
      await this.exec(
        `INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         SELECT ${name('n')}, ${folded('n')}, ${s.addDays("'1966-01-01'", `${hash('n')} % 13000`)},
                CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, ?, ${s.concat('?', s.pad('n', 48))}
         FROM scale_numbers WHERE n BETWEEN ? AND ?`,
        [CIPHERTEXT_PLACEHOLDER, this.runId, from, to],
      );
    }
  }

  /**
   * One employment per worker in an enterprise of the sizes drawn; about 5% moved (their first
   * employment ends the day before the second starts) and about 8% have left (an end date).
   */
  private async employments(enterprises: { id: number; size: number }[]): Promise<void> {
    // Ids of one INSERT … SELECT are consecutive, but MySQL may skip some between statements.
    const ids: number[] = (
      await this.runner.query('SELECT id FROM workers WHERE cccd_encrypted = ? ORDER BY id', [
        CIPHERTEXT_PLACEHOLDER,
      ])
    ).map((r: { id: number | string }) => Number(r.id));
    const slots: number[] = [];
    enterprises.forEach((e, i) => slots.push(...Array<number>(e.size).fill(i)));
    shuffle(slots);
    const startLimit = Date.parse(`${this.today}T00:00:00Z`);
    const day = (from: string, to: number) => {
      const a = Date.parse(`${from}T00:00:00Z`);
      return iso(a + Math.floor(Math.random() * ((to - a) / 86_400_000)) * 86_400_000);
    };
    let batch: unknown[][] = [];
    for (let i = 0; i < slots.length; i++) {
      const workerId = ids[i];
      const enterprise = enterprises[slots[i]].id;
      const start = day('2012-01-01', startLimit - 30 * 86_400_000);
      const roll = Math.random();
      if (roll < 0.05) {
        // Moved: from another enterprise to this one.
        const moved = day(iso(Date.parse(`${start}T00:00:00Z`) + 86_400_000), startLimit + 86_400_000);
        const previous = enterprises[Math.floor(Math.random() * enterprises.length)].id;
        if (previous !== enterprise) {
          batch.push([workerId, previous, start, iso(Date.parse(`${moved}T00:00:00Z`) - 86_400_000), 1]);
          batch.push([workerId, enterprise, moved, null, 1]);
        } else batch.push([workerId, enterprise, start, null, 1]);
      } else if (roll < 0.13) {
        batch.push([workerId, enterprise, start, day(start, startLimit + 86_400_000), 0]);
      } else {
        batch.push([workerId, enterprise, start, null, roll < 0.6 ? 1 : 0]);
      }
      if (batch.length >= INSERT_ROWS) {
        await this.insertRows(
          'employments',
          ['worker_id', 'enterprise_id', 'start_date', 'end_date', 'union_member'],
          batch,
        );
        batch = [];
      }
    }
    await this.insertRows(
      'employments',
      ['worker_id', 'enterprise_id', 'start_date', 'end_date', 'union_member'],
      batch,
    );
  }

  /**
   * About R records a worker on average (a quarter of workers none, the others 0 … 8R/3), dated
   * from 2022 (learning before the plan) to today, hours 1–8, from sessions, courses and schools.
   */
  private async records(): Promise<void> {
    const s = this.sql;
    const r = this.options.recordsPerWorker;
    if (r === 0) return;
    const spread = Math.round((8 * r) / 3);
    const days = Math.round(
      (Date.parse(`${this.today}T00:00:00Z`) - Date.parse('2022-01-01T00:00:00Z')) / 86_400_000,
    );
    const [{ first, last }] = await this.runner.query(
      'SELECT MIN(id) AS first, MAX(id) AS last FROM workers WHERE cccd_encrypted = ?',
      [CIPHERTEXT_PLACEHOLDER],
    );
    const h = hash('w.id', 'k.n');
    for (let from = Number(first); from <= Number(last); from += WORKER_CHUNK) {
      const to = Math.min(Number(last), from + WORKER_CHUNK - 1);
      await this.exec(
        `INSERT INTO learning_records (worker_id, occurred_on, hours, source, source_ref, title)
         SELECT w.id, ${s.addDays("'2022-01-01'", `${h} % ${days}`)}, 1 + ${h} % 8,
                ${pick(h, ['SESSION', 'SESSION', 'COURSE', 'EXTERNAL'])}, ${s.concat("'scale:'", 'k.n')},
                ${pick(hash('w.id', 'k.n', '7'), ['Tuyên truyền pháp luật lao động', 'Đào tạo nâng cao tay nghề', 'Kỹ năng sống cho công nhân', 'Kỹ năng số cơ bản', 'Hội thi thợ giỏi', 'Ngày hội đọc sách'])}
         FROM workers w JOIN scale_numbers k ON k.n <= ${hash('w.id')} % ${spread + 1}
         WHERE w.id BETWEEN ? AND ? AND ${hash('w.id', '3')} % 4 <> 0`,
        [from, to],
      );
    }
  }

  /** Each record's main domain (weighted towards law), and a second one for about 30% of them. */
  private async recordDomains(): Promise<void> {
    const [{ first, last }] = await this.runner.query(
      'SELECT MIN(id) AS first, MAX(id) AS last FROM learning_records',
    );
    if (first === null) return;
    const chunk = WORKER_CHUNK * 10;
    for (let from = Number(first); from <= Number(last); from += chunk) {
      const to = Math.min(Number(last), from + chunk - 1);
      await this.exec(
        `INSERT INTO learning_record_domains (record_id, domain_code)
         SELECT id, ${mainDomain('id')} FROM learning_records WHERE id BETWEEN ? AND ?`,
        [from, to],
      );
      await this.exec(
        `INSERT INTO learning_record_domains (record_id, domain_code)
         SELECT id, ${secondDomain('id')} FROM learning_records WHERE id BETWEEN ? AND ? AND ${hash('id', '5')} % 10 < 3`,
        [from, to],
      );
    }
  }

  /** worker_learning_summary from the records: the first and latest date per domain, hours and count, set-based. */
  private async summaries(): Promise<void> {
    await this.fold('worker_learning_summary', ['worker_id'], ['r.worker_id'], true);
  }

  private async yearSummaries(): Promise<void> {
    await this.fold(
      'worker_learning_years',
      ['worker_id', 'year'],
      ['r.worker_id', this.sql.year('r.occurred_on')],
    );
  }

  /**
   * One INSERT … SELECT … GROUP BY per chunk of workers. A record with two domains joins twice, so
   * hours and the record count are taken from its main-domain link only.
   */
  private async fold(table: string, keys: string[], groupBy: string[], latest = false): Promise<void> {
    const firstOn = (domain: string) => `MIN(CASE WHEN d.domain_code = '${domain}' THEN r.occurred_on END)`;
    const latestOn = (domain: string) => `MAX(CASE WHEN d.domain_code = '${domain}' THEN r.occurred_on END)`;
    const latestColumns = latest
      ? ', latest_law_on, latest_vocational_on, latest_life_skills_on, latest_digital_on'
      : '';
    const latestValues = latest ? `, ${DOMAINS.map(latestOn).join(', ')}` : '';
    const main = `d.domain_code = ${mainDomain('r.id')}`;
    const [{ first, last }] = await this.runner.query(
      'SELECT MIN(id) AS first, MAX(id) AS last FROM workers WHERE cccd_encrypted = ?',
      [CIPHERTEXT_PLACEHOLDER],
    );
    for (let from = Number(first); from <= Number(last); from += WORKER_CHUNK) {
      const to = Math.min(Number(last), from + WORKER_CHUNK - 1);
      await this.exec(
        `INSERT INTO ${table} (${keys.join(', ')}, first_law_on, first_vocational_on, first_life_skills_on, first_digital_on${latestColumns}, hours, records)
         SELECT ${groupBy.join(', ')}, ${DOMAINS.map(firstOn).join(', ')}${latestValues},
                SUM(CASE WHEN ${main} THEN r.hours ELSE 0 END), SUM(CASE WHEN ${main} THEN 1 ELSE 0 END)
         FROM learning_records r JOIN learning_record_domains d ON d.record_id = r.id
         WHERE r.worker_id BETWEEN ? AND ?
         GROUP BY ${groupBy.join(', ')}`,
        [from, to],
      );
    }
  }

  /**
   * "Learning citizen" titles for about 20% of workers each year from 2023, recognised during the
   * year (not after today), about 1 in 50 revoked a few weeks later.
   */
  private async recognitions(): Promise<void> {
    const s = this.sql;
    const setId = await this.criteriaSet();
    const branchId = await this.branch();
    const [{ id: userId }] = await this.runner.query('SELECT COALESCE(MIN(id), 0) AS id FROM users');
    const thisYear = Number(this.today.slice(0, 4));
    const [{ first, last }] = await this.runner.query(
      'SELECT MIN(id) AS first, MAX(id) AS last FROM workers WHERE cccd_encrypted = ?',
      [CIPHERTEXT_PLACEHOLDER],
    );
    for (let year = 2023; year <= thisYear; year++) {
      const dayOfYear = `${hash('w.id', String(year))} % 300`;
      const recognisedOn = s.addDays(`'${year}-01-10'`, dayOfYear);
      const limit = year === thisYear ? `AND ${recognisedOn} < '${this.today}'` : '';
      for (let from = Number(first); from <= Number(last); from += WORKER_CHUNK) {
        const to = Math.min(Number(last), from + WORKER_CHUNK - 1);
        await this.exec(
          `INSERT INTO citizenship_applications (worker_id, year, criteria_set_id, status)
           SELECT w.id, ?, ?, 'RECOGNISED' FROM workers w
           WHERE w.id BETWEEN ? AND ? AND ${hash('w.id', String(year), '11')} % 100 < 20 ${limit}`,
          [year, setId, from, to],
        );
      }
      const revoked = `${hash('a.id', '17')} % 50 = 0`;
      const at = (days: string) => s.concat(s.addDays(`'${year}-01-10'`, days), "' 03:00:00'");
      await this.exec(
        `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points, certificate_no,
           verify_code, status, recognised_by, recognised_at, revoked_by, revoked_at)
         SELECT a.id, a.worker_id, a.year, ?, ?, 70 + a.id % 30, ${s.concat("'QM-'", 'a.id')}, ${s.concat('?', 'a.id')},
                CASE WHEN ${revoked} THEN 'REVOKED' ELSE 'VALID' END, ?, ${at(`${hash('a.worker_id', String(year))} % 300`)},
                CASE WHEN ${revoked} THEN ? END,
                CASE WHEN ${revoked} THEN ${at(`${hash('a.worker_id', String(year))} % 300 + 20 + a.id % 40`)} END
         FROM citizenship_applications a
         WHERE a.year = ? AND a.criteria_set_id = ? AND a.worker_id BETWEEN ? AND ?`,
        [branchId, setId, `${this.runId}-`, userId, userId, year, setId, Number(first), Number(last)],
      );
    }
  }

  private async criteriaSet(): Promise<number> {
    const [existing] = await this.runner.query('SELECT MIN(id) AS id FROM criteria_sets');
    if (existing?.id) return Number(existing.id);
    await this.exec(
      "INSERT INTO criteria_sets (code, version, title, pass_mark, status) VALUES ('SCALE', 1, 'Bộ tiêu chí (dữ liệu quy mô)', 50, 'ACTIVE')",
    );
    const [{ id }] = await this.runner.query("SELECT id FROM criteria_sets WHERE code = 'SCALE'");
    return Number(id);
  }

  private async branch(): Promise<number> {
    const name = 'Hội Khuyến học tỉnh (dữ liệu quy mô)';
    const [{ id: unitId }] = await this.runner.query(
      "SELECT MIN(id) AS id FROM admin_units WHERE code = '67'",
    );
    await this.exec('INSERT INTO association_branches (name, search_key, unit_id) VALUES (?, ?, ?)', [
      name,
      'hoi khuyen hoc tinh (du lieu quy mo)',
      unitId,
    ]);
    const [{ id }] = await this.runner.query(
      'SELECT MAX(id) AS id FROM association_branches WHERE name = ?',
      [name],
    );
    return Number(id);
  }
}

/** Law 35%, vocational 25%, life skills 20%, digital 20%. */
const mainDomain = (id: string) =>
  `CASE WHEN ${hash(id, '1')} % 20 < 7 THEN 'LAW' WHEN ${hash(id, '1')} % 20 < 12 THEN 'VOCATIONAL' WHEN ${hash(id, '1')} % 20 < 16 THEN 'LIFE_SKILLS' ELSE 'DIGITAL' END`;
/** Another domain than the main one. */
const secondDomain = (id: string) =>
  `CASE ${mainDomain(id)} ${DOMAINS.map(
    (d, i) =>
      `WHEN '${d}' THEN ${pick(
        `${hash(id, '9')} % 3`,
        DOMAINS.filter((_, j) => j !== i),
      )}`,
  ).join(' ')} END`;

/** Tax codes with a valid check digit, starting from a prefix no real enterprise of the province uses. */
function uniqueTaxCodes(count: number, offset: number): string[] {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const codes: string[] = [];
  for (let serial = offset * 2 + 1; codes.length < count; serial++) {
    const base = `99${String(serial).padStart(7, '0')}`;
    const check = 10 - (base.split('').reduce((sum, digit, i) => sum + weights[i] * Number(digit), 0) % 11);
    if (check < 10) codes.push(`${base}${check}`);
  }
  return codes;
}

function weighted<T extends { weight: number }>(items: (T & { id: number })[]): number {
  let roll = Math.random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    roll -= item.weight;
    if (roll <= 0) return item.id;
  }
  return items[items.length - 1].id;
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
