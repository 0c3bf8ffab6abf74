import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { rollupDatabase } from '../../test/support/rollup-database';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { LearningRecordsRepository } from '../learning-records/learning-records.repository';
import { CountingWindow } from './entities/plan.entity';
import { EnterpriseCounts, EnterpriseQuery, RollupRepository } from './rollup.repository';

/**
 * The reach read (employment_reach, kept by the triggers of migration 1764000035000) against the
 * join it replaced, which stays the plain rule: random histories of writes in any order —
 * employments started, ended, moved to another person and deleted; records of any date, back-dated
 * ones included, deleted and summaries rebuilt; titles recognised and revoked — then random dates,
 * plan starts and windows. SQLite in memory, built by the project's migrations; foreign keys off.
 */
const DAY = 86_400_000;
const dateOf = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const day = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY, max: Date.parse(`${to}T00:00:00Z`) / DAY })
    .map(dateOf);
/**
 * Few distinct days, most of them where a year starts or ends, so that employments, records, titles
 * and the dates asked about fall on one another's edges; now and then any day.
 */
const EDGES = [2022, 2023, 2024, 2025, 2026, 2027].flatMap((y) =>
  ['01-01', '01-02', '06-15', '12-30', '12-31'].map((md) => `${y}-${md}`),
);
const date = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGES) },
  { weight: 1, arbitrary: day('2022-01-01', '2027-12-31') },
);
/** Hours (UTC) around 17:00, midnight in Hà Nội: the day a title is counted from. */
const hour = fc.constantFrom(0, 16, 17, 23);
const WORKERS = 5;
const worker = fc.integer({ min: 1, max: WORKERS });
const enterprise = fc.integer({ min: 1, max: 3 });
const DOMAINS = Object.values(DomainCode);

type Op =
  | { kind: 'employ'; workerId: number; enterpriseId: number; start: string; days: number | null }
  | { kind: 'end'; pick: number; days: number }
  | { kind: 'reopen'; pick: number }
  | { kind: 'move'; pick: number; workerId: number }
  | { kind: 'fire'; pick: number }
  | { kind: 'learn'; workerId: number; on: string; domains: DomainCode[] }
  | { kind: 'forget'; pick: number }
  | { kind: 'recognise'; workerId: number; year: number; at: string; hour: number }
  | { kind: 'revoke'; pick: number; at: string; hour: number }
  | { kind: 'retitle'; pick: number; workerId: number };

const learn = fc.record({
  kind: fc.constant('learn' as const),
  workerId: worker,
  on: date,
  domains: fc.subarray(DOMAINS, { minLength: 1 }),
});
const days = fc.constantFrom(0, 1, 364, 365, 366, 730);
/** Mostly new employments, records and titles; now and then a change to one already written. */
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('employ' as const),
      workerId: worker,
      enterpriseId: enterprise,
      start: date,
      days: fc.option(days, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), pick: fc.nat(), days }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), workerId: worker }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const), pick: fc.nat() }) },
  { weight: 8, arbitrary: learn },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        kind: fc.constant('recognise' as const),
        workerId: worker,
        at: date,
        /** Mostly recognised in the title's year, now and then early in the next. */
        late: fc.constantFrom(0, 0, 0, 1),
        hour,
      })
      .map(({ late, ...r }) => ({ ...r, year: Number(r.at.slice(0, 4)) - late })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('revoke' as const), pick: fc.nat(), at: date, hour }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retitle' as const), pick: fc.nat(), workerId: worker }),
  },
);

const question = fc.record({
  asOf: date,
  yearsBefore: fc.integer({ min: 0, max: 4 }),
  windows: fc.record({
    [DomainCode.Law]: fc.constantFrom(...Object.values(CountingWindow)),
    [DomainCode.Vocational]: fc.constantFrom(...Object.values(CountingWindow)),
    [DomainCode.LifeSkills]: fc.constantFrom(...Object.values(CountingWindow)),
    [DomainCode.Digital]: fc.constantFrom(...Object.values(CountingWindow)),
  }),
  named: fc.option(fc.subarray([1, 2, 3]), { nil: null }),
});

describe(RollupRepository.name, () => {
  let db: DataSource;
  let sut: RollupRepository;
  let store: LearningRecordsRepository;
  let nextRef = 0;

  let clear: () => Promise<void>;

  beforeAll(async () => {
    ({ db, sut, store, clear } = await rollupDatabase());
  });

  afterAll(async () => {
    await db?.destroy();
  });

  beforeEach(() => clear());

  /** A question for every enterprise, law counted in `law`'s window, the other domains since the plan's start. */
  const ask = (asOf: string, planStart = '2021-01-01', law = CountingWindow.PlanToDate): EnterpriseQuery => ({
    asOf,
    planStart,
    windows: {
      [DomainCode.Law]: law,
      [DomainCode.Vocational]: CountingWindow.PlanToDate,
      [DomainCode.LifeSkills]: CountingWindow.PlanToDate,
      [DomainCode.Digital]: CountingWindow.PlanToDate,
    },
    enterpriseIds: null,
  });
  const ids = async (table: string): Promise<number[]> =>
    ((await db.query(`SELECT id FROM ${table} ORDER BY id`)) as { id: number }[]).map((r) => Number(r.id));
  const pickFrom = (list: number[], pick: number) => (list.length ? list[pick % list.length] : null);
  const plusDays = (on: string, days: number) => dateOf(Date.parse(`${on}T00:00:00Z`) / DAY + days);
  /** A write the database refuses (a second open employment, a second title of a year) is skipped. */
  const tolerate = (write: Promise<unknown>) => write.catch(() => undefined);

  async function apply(o: Op): Promise<void> {
    switch (o.kind) {
      case 'employ':
        return void (await tolerate(
          db.query(
            'INSERT INTO employments (worker_id, enterprise_id, start_date, end_date, union_member) VALUES (?, ?, ?, ?, 0)',
            [o.workerId, o.enterpriseId, o.start, o.days === null ? null : plusDays(o.start, o.days)],
          ),
        ));
      case 'end': {
        const id = pickFrom(await ids('employments'), o.pick);
        if (id === null) return;
        const [{ start_date }] = await db.query('SELECT start_date FROM employments WHERE id = ?', [id]);
        return void (await db.query('UPDATE employments SET end_date = ? WHERE id = ?', [
          plusDays(String(start_date), o.days),
          id,
        ]));
      }
      case 'reopen': {
        const id = pickFrom(await ids('employments'), o.pick);
        if (id !== null)
          await tolerate(db.query('UPDATE employments SET end_date = NULL WHERE id = ?', [id]));
        return;
      }
      case 'move': {
        // Two records of one person merged: the employment passes to the other worker.
        const id = pickFrom(await ids('employments'), o.pick);
        if (id !== null)
          await tolerate(db.query('UPDATE employments SET worker_id = ? WHERE id = ?', [o.workerId, id]));
        return;
      }
      case 'fire': {
        const id = pickFrom(await ids('employments'), o.pick);
        if (id !== null) await db.query('DELETE FROM employments WHERE id = ?', [id]);
        return;
      }
      case 'learn':
        return void (await db.transaction((manager) =>
          store.insertOnce(manager, {
            workerId: o.workerId,
            occurredOn: o.on,
            hours: 1,
            source: RecordSource.Session,
            sourceRef: `session:${++nextRef}`,
            title: 'Buổi học',
            domains: o.domains,
            institutionId: null,
            enterpriseId: null,
          }),
        ));
      case 'forget': {
        const id = pickFrom(await ids('learning_records'), o.pick);
        if (id === null) return;
        const [record] = await db.query(
          'SELECT worker_id, source, source_ref FROM learning_records WHERE id = ?',
          [id],
        );
        await db.transaction(async (manager) => {
          await store.deleteByKey(manager, {
            workerId: Number(record.worker_id),
            source: record.source,
            sourceRef: record.source_ref,
          });
          await store.rebuildSummariesOf(manager, [Number(record.worker_id)]);
        });
        return;
      }
      case 'recognise':
        return void (await tolerate(
          db.query(
            `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points,
               certificate_no, verify_code, status, recognised_by, recognised_at)
             VALUES (?, ?, ?, 1, 1, 80, ?, ?, 'VALID', 1, ?)`,
            [
              ++nextRef,
              o.workerId,
              o.year,
              `CDHT-${nextRef}`,
              `v-${nextRef}`,
              `${o.at} ${String(o.hour).padStart(2, '0')}:00:00.000`,
            ],
          ),
        ));
      case 'revoke': {
        const id = pickFrom(await ids('recognitions'), o.pick);
        if (id !== null)
          await db.query("UPDATE recognitions SET status = 'REVOKED', revoked_at = ? WHERE id = ?", [
            `${o.at} ${String(o.hour).padStart(2, '0')}:00:00.000`,
            id,
          ]);
        return;
      }
      case 'retitle': {
        // A title recorded against the wrong person record, moved to the right one.
        const id = pickFrom(await ids('recognitions'), o.pick);
        if (id !== null)
          await tolerate(db.query('UPDATE recognitions SET worker_id = ? WHERE id = ?', [o.workerId, id]));
        return;
      }
    }
  }

  const byId = (a: EnterpriseCounts, b: EnterpriseCounts) => a.enterpriseId - b.enterpriseId;

  it('gives the join’s figures for any date, plan start and windows, whatever was written in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 20, maxLength: 60 }),
        fc.array(question, { minLength: 1, maxLength: 6 }),
        async (ops, questions) => {
          await clear();
          for (const o of ops) await apply(o);
          for (const { asOf, yearsBefore, windows, named } of questions) {
            const q: EnterpriseQuery = {
              asOf,
              planStart: `${Number(asOf.slice(0, 4)) - yearsBefore}-01-01`,
              windows,
              enterpriseIds: named,
            };
            const join = (await sut.enterpriseCountsByJoin(q)).sort(byId);
            expect((await sut.enterpriseCountsByReach(q)).sort(byId)).toEqual(join);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts a worker once on a day two employments at one enterprise overlap, and again after a gap', async () => {
    await apply({ kind: 'employ', workerId: 1, enterpriseId: 1, start: '2024-01-01', days: 400 });
    await apply({ kind: 'employ', workerId: 1, enterpriseId: 1, start: '2024-03-01', days: 100 });
    await apply({ kind: 'employ', workerId: 1, enterpriseId: 1, start: '2025-06-01', days: null });
    const population = async (asOf: string) =>
      (await sut.enterpriseCountsByReach(ask(asOf))).map((c) => c.population);

    expect(await population('2024-04-01')).toEqual([1]); // both of 2024
    expect(await population('2025-02-04')).toEqual([1]); // the first only (ends on 2025-02-04)
    expect(await population('2025-03-01')).toEqual([]); // between
    expect(await population('2025-07-01')).toEqual([1]); // came back
  });

  it('looks up the year of a past date for a worker who learned in it and again since', async () => {
    await apply({ kind: 'employ', workerId: 1, enterpriseId: 1, start: '2022-01-01', days: null });
    await apply({ kind: 'learn', workerId: 1, on: '2024-03-01', domains: [DomainCode.Law] });
    await apply({ kind: 'learn', workerId: 1, on: '2026-02-01', domains: [DomainCode.Law] });
    await apply({ kind: 'recognise', workerId: 1, year: 2024, at: '2024-05-01', hour: 3 });
    await apply({ kind: 'recognise', workerId: 1, year: 2026, at: '2026-05-01', hour: 3 });
    const [counts] = await sut.enterpriseCountsByReach(
      ask('2024-12-31', '2024-01-01', CountingWindow.CalendarYear),
    );

    expect(counts).toMatchObject({ population: 1, law: 1, learningCitizen: 1 });
  });

  it('follows a back-dated record into the year’s first date, and a title of a later year', async () => {
    await apply({ kind: 'employ', workerId: 1, enterpriseId: 1, start: '2022-01-01', days: null });
    await apply({ kind: 'learn', workerId: 1, on: '2026-06-15', domains: [DomainCode.Law] });
    await apply({ kind: 'learn', workerId: 1, on: '2026-01-02', domains: [DomainCode.Law] });
    await apply({ kind: 'learn', workerId: 1, on: '2025-03-01', domains: [DomainCode.Law] });
    await apply({ kind: 'recognise', workerId: 1, year: 2026, at: '2026-02-01', hour: 3 });
    await apply({ kind: 'recognise', workerId: 1, year: 2025, at: '2025-12-01', hour: 3 });
    const [counts] = await sut.enterpriseCountsByReach(
      ask('2026-03-01', '2026-01-01', CountingWindow.CalendarYear),
    );

    expect(counts).toMatchObject({ population: 1, law: 1, learningCitizen: 1 });
  });

  it('counts a title from the Hà Nội day it is recognised until the Hà Nội day it is revoked, to the millisecond', async () => {
    for (const workerId of [1, 2])
      await apply({ kind: 'employ', workerId, enterpriseId: 1, start: '2022-01-01', days: null });
    // 17:00 UTC is midnight in Hà Nội: recognised on 11/03, revoked on 21/03 (Hà Nội days).
    await apply({ kind: 'recognise', workerId: 1, year: 2026, at: '2026-03-10', hour: 17 });
    await apply({ kind: 'recognise', workerId: 2, year: 2026, at: '2026-03-10', hour: 16 });
    await apply({ kind: 'revoke', pick: 0, at: '2026-03-20', hour: 17 });
    const held = async (asOf: string) =>
      (await sut.enterpriseCountsByReach(ask(asOf))).map((c) => c.learningCitizen);

    expect([await held('2026-03-10'), await held('2026-03-11')]).toEqual([[1], [2]]);
    expect([await held('2026-03-20'), await held('2026-03-21')]).toEqual([[2], [1]]);
  });

  it('chooses the reach rows for a date of the current year and the join for an earlier one', async () => {
    const reach = jest.spyOn(sut, 'enterpriseCountsByReach');
    const join = jest.spyOn(sut, 'enterpriseCountsByJoin');
    await sut.enterpriseCounts(ask('2026-03-01'), 2026);
    expect([reach.mock.calls.length, join.mock.calls.length]).toEqual([1, 0]);
    await sut.enterpriseCounts(ask('2025-12-31'), 2026);
    expect([reach.mock.calls.length, join.mock.calls.length]).toEqual([1, 1]);
  });
});
