import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { rollupDatabase } from '../../test/support/rollup-database';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { LearningRecordsRepository } from '../learning-records/learning-records.repository';
import { CountingWindow } from './entities/plan.entity';
import { EnterpriseCounts, EnterpriseQuery, RollupRepository } from './rollup.repository';

/**
 * The roll-up's statements run on a real database: SQLite in memory, built by the project's
 * migrations. Records go in through the store's own code (LearningRecordsRepository.insertOnce folds
 * them into the summary and worker-year rows the statements read); the figures that come out are
 * compared with the rule counted straight from the records. Foreign keys are off: the statements
 * read employments, summaries and recognitions, not the workers and enterprises they point at.
 */
const DAY = 86_400_000;
/** Day number (days since 1970-01-01) to YYYY-MM-DD. */
const dateOf = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);

describe(RollupRepository.name, () => {
  const E1 = 1;
  const E2 = 2;
  const DOMAINS = Object.values(DomainCode);
  const ALIAS: Record<DomainCode, keyof EnterpriseCounts> = {
    [DomainCode.Law]: 'law',
    [DomainCode.Vocational]: 'vocational',
    [DomainCode.LifeSkills]: 'lifeSkills',
    [DomainCode.Digital]: 'digital',
  };
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

  const employ = (workerId: number, enterpriseId: number, startDate: string, endDate: string | null = null) =>
    db.query(
      'INSERT INTO employments (worker_id, enterprise_id, start_date, end_date, union_member) VALUES (?, ?, ?, ?, 0)',
      [workerId, enterpriseId, startDate, endDate],
    );
  const learn = (workerId: number, occurredOn: string, domains: DomainCode[]) =>
    db.transaction((manager) =>
      store.insertOnce(manager, {
        workerId,
        occurredOn,
        hours: 1,
        source: RecordSource.Session,
        sourceRef: `session:${++nextRef}`,
        title: 'Buổi học',
        domains,
        institutionId: null,
        enterpriseId: null,
      }),
    );
  /** A title of `year`, recognised and perhaps revoked at these UTC times ('YYYY-MM-DD HH:mm'). */
  const recognise = (workerId: number, year: number, recognisedAt: string, revokedAt: string | null = null) =>
    db.query(
      `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points,
         certificate_no, verify_code, status, recognised_by, recognised_at, revoked_at)
       VALUES (?, ?, ?, 1, 1, 80, ?, ?, ?, 1, ?, ?)`,
      [
        ++nextRef,
        workerId,
        year,
        `CDHT-${nextRef}`,
        `v-${nextRef}`,
        revokedAt ? 'REVOKED' : 'VALID',
        `${recognisedAt}:00.000`,
        revokedAt ? `${revokedAt}:00.000` : null,
      ],
    );
  const windows = (window: CountingWindow): Record<DomainCode, CountingWindow> => ({
    [DomainCode.Law]: window,
    [DomainCode.Vocational]: window,
    [DomainCode.LifeSkills]: window,
    [DomainCode.Digital]: window,
  });
  const query = (asOf: string, extra: Partial<EnterpriseQuery> = {}): EnterpriseQuery => ({
    asOf,
    planStart: '2023-01-01',
    windows: windows(CountingWindow.PlanToDate),
    enterpriseIds: null,
    ...extra,
  });
  const byEnterprise = async (q: EnterpriseQuery) =>
    Object.fromEntries(
      (await sut.enterpriseCounts(q)).map(({ enterpriseId, ...counts }) => [enterpriseId, counts]),
    );

  const none = { law: 0, vocational: 0, lifeSkills: 0, digital: 0, learningCitizen: 0 };
  const holders = async (asOf: string) =>
    Object.fromEntries(
      (await sut.enterpriseCounts(query(asOf))).map((c) => [c.enterpriseId, c.learningCitizen]),
    );

  describe('population', () => {
    it('counts the workers employed on the date once per enterprise, however many employments overlap', async () => {
      await employ(1, E1, '2022-01-01', '2030-12-31');
      await employ(1, E1, '2022-03-01'); // overlapping the one above (a corrected start date, before issue 9)
      await employ(2, E1, '2025-01-01', '2025-06-15');
      await employ(2, E2, '2025-06-16');
      await employ(3, E2, '2025-10-01');

      // Nobody at E2 yet: no row for it.
      expect(await byEnterprise(query('2025-06-15'))).toEqual({ [E1]: { population: 2, ...none } });
      expect(await byEnterprise(query('2025-06-16'))).toEqual({
        [E1]: { population: 1, ...none },
        [E2]: { population: 1, ...none },
      });
    });

    it('reads only the enterprises named, and none for a plan whose territory has none', async () => {
      await employ(1, E1, '2022-01-01');
      await employ(2, E2, '2022-01-01');

      expect(await byEnterprise(query('2025-06-15', { enterpriseIds: [E2] }))).toEqual({
        [E2]: { population: 1, ...none },
      });
      expect(await sut.enterpriseCounts(query('2025-06-15', { enterpriseIds: [] }))).toEqual([]);
    });
  });

  describe('learning indicators', () => {
    const day = (from: string, to: string) =>
      fc
        .integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY, max: Date.parse(`${to}T00:00:00Z`) / DAY })
        .map(dateOf);
    /** Any day, or often one where a window starts or ends, so that records fall on the edges. */
    const date = fc.oneof(
      day('2019-01-01', '2027-12-31'),
      fc.constantFrom(
        ...Array.from({ length: 9 }, (_, k) => 2019 + k).flatMap((y) =>
          ['01-01', '01-02', '06-15', '12-30', '12-31'].map((md) => `${y}-${md}`),
        ),
      ),
    );
    const employment = fc.record({
      enterpriseId: fc.constantFrom(E1, E2),
      start: date,
      days: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    });
    const learning = fc.record({
      on: date,
      domains: fc.subarray(DOMAINS, { minLength: 1 }),
    });
    const worker = fc.record({
      employments: fc.array(employment, { minLength: 1, maxLength: 2 }),
      records: fc.array(learning, { maxLength: 5 }),
    });
    const question = fc.record({
      asOf: date.filter((d) => d >= '2020-01-01'),
      /** Plans start on 1 January, this many years before the date's year. */
      yearsBefore: fc.integer({ min: 0, max: 4 }),
      windows: fc.record({
        [DomainCode.Law]: fc.constantFrom(...Object.values(CountingWindow)),
        [DomainCode.Vocational]: fc.constantFrom(...Object.values(CountingWindow)),
        [DomainCode.LifeSkills]: fc.constantFrom(...Object.values(CountingWindow)),
        [DomainCode.Digital]: fc.constantFrom(...Object.values(CountingWindow)),
      }),
    });
    type Worker = {
      employments: { enterpriseId: number; start: string; end: string | null }[];
      records: { on: string; domains: DomainCode[] }[];
    };

    /** The rule, counted straight from the records: an employed worker with a record inside the window. */
    function expected(workers: Worker[], q: EnterpriseQuery) {
      const counts: Record<number, EnterpriseCounts> = {};
      workers.forEach((w) => {
        const at = new Set(
          w.employments
            .filter((e) => e.start <= q.asOf && (e.end === null || e.end >= q.asOf))
            .map((e) => e.enterpriseId),
        );
        for (const enterpriseId of at) {
          const row = (counts[enterpriseId] ??= { enterpriseId, population: 0, ...none });
          row.population++;
          for (const domain of DOMAINS) {
            const from =
              q.windows[domain] === CountingWindow.CalendarYear ? `${q.asOf.slice(0, 4)}-01-01` : q.planStart;
            if (w.records.some((r) => r.domains.includes(domain) && r.on >= from && r.on <= q.asOf))
              (row[ALIAS[domain]] as number)++;
          }
        }
      });
      return Object.values(counts);
    }

    it('counts, per enterprise and domain, the employed workers with a record inside the window, for any mix of windows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(worker, { minLength: 1, maxLength: 8 }),
          fc.array(question, { minLength: 1, maxLength: 6 }),
          async (generated, questions) => {
            await clear();
            const workers: Worker[] = generated.map((w) => ({
              records: w.records,
              employments: w.employments.map((e) => ({
                enterpriseId: e.enterpriseId,
                start: e.start,
                end: e.days === null ? null : dateOf(Date.parse(`${e.start}T00:00:00Z`) / DAY + e.days),
              })),
            }));
            for (const [i, w] of workers.entries()) {
              // (worker, enterprise, start) is unique, and at most one employment per enterprise is open.
              // An employment left out is left out of the model too (it once stayed there, and a
              // seed now and then expected a worker the database never held).
              const starts = new Set<string>();
              const open = new Set<number>();
              const kept: typeof w.employments = [];
              for (const e of w.employments) {
                if (starts.has(`${e.enterpriseId}:${e.start}`)) continue;
                starts.add(`${e.enterpriseId}:${e.start}`);
                if (e.end === null && open.has(e.enterpriseId)) e.end = e.start;
                if (e.end === null) open.add(e.enterpriseId);
                await employ(i + 1, e.enterpriseId, e.start, e.end);
                kept.push(e);
              }
              w.employments = kept;
              for (const r of w.records) await learn(i + 1, r.on, r.domains);
            }
            for (const { asOf, yearsBefore, windows } of questions) {
              const planStart = `${Number(asOf.slice(0, 4)) - yearsBefore}-01-01`;
              const q = query(asOf, { planStart, windows });
              const byId = (a: EnterpriseCounts, b: EnterpriseCounts) => a.enterpriseId - b.enterpriseId;
              expect((await sut.enterpriseCounts(q)).sort(byId)).toEqual(expected(workers, q).sort(byId));
            }
          },
        ),
        { numRuns: 40 },
      );
    });

    it('finds learning inside the plan between learning before it and after the date (the year rows)', async () => {
      await employ(1, E1, '2020-01-01');
      await employ(2, E1, '2020-01-01');
      await learn(1, '2022-06-01', [DomainCode.Law]);
      await learn(1, '2024-03-10', [DomainCode.Law]);
      await learn(1, '2025-11-20', [DomainCode.Law]);
      await learn(2, '2022-06-01', [DomainCode.Law]);
      await learn(2, '2025-11-20', [DomainCode.Law]);

      // Both learned before the plan (2023) and after the date; only worker 1 inside.
      expect((await byEnterprise(query('2025-09-30')))[E1]).toMatchObject({ population: 2, law: 1 });
    });
  });

  describe('title holders', () => {
    beforeEach(async () => {
      for (const workerId of [1, 2, 3]) await employ(workerId, E1, '2020-01-01');
    });

    it('counts a title of the date’s year from the day it is recognised, in Vietnam time', async () => {
      await recognise(1, 2025, '2025-02-01 03:00');
      await recognise(2, 2025, '2025-03-31 16:59'); // 23:59 on 31/03 in Hà Nội
      await recognise(3, 2025, '2025-03-31 17:00'); // 00:00 on 01/04 in Hà Nội

      expect(await holders('2025-01-31')).toEqual({ [E1]: 0 });
      expect(await holders('2025-02-01')).toEqual({ [E1]: 1 });
      expect(await holders('2025-03-31')).toEqual({ [E1]: 2 });
      expect(await holders('2025-04-01')).toEqual({ [E1]: 3 });
    });

    it('holds a revoked title until the day it is revoked, in Vietnam time', async () => {
      await recognise(1, 2025, '2025-01-15 03:00', '2025-06-01 01:00'); // 08:00 on 01/06 in Hà Nội
      await recognise(2, 2025, '2025-01-15 03:00', '2025-05-31 16:30'); // 23:30 on 31/05 in Hà Nội

      expect(await holders('2025-05-30')).toEqual({ [E1]: 2 });
      expect(await holders('2025-05-31')).toEqual({ [E1]: 1 });
      expect(await holders('2025-06-01')).toEqual({ [E1]: 0 });
    });

    it('never carries a title into another year, and counts a holder wherever they are employed on the date', async () => {
      await recognise(1, 2024, '2024-03-01 03:00');
      await recognise(2, 2025, '2025-01-05 03:00');
      await employ(2, E2, '2025-01-01');
      await recognise(4, 2025, '2025-01-05 03:00'); // employed nowhere

      expect(await holders('2024-12-31')).toEqual({ [E1]: 1 });
      expect(await holders('2025-03-01')).toEqual({ [E1]: 1, [E2]: 1 });
    });
  });
});
