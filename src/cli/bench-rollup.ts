import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource, MigrationExecutor } from 'typeorm';
import { AppModule } from '../app.module';
import { parseDatabaseConfig } from '../config';
import { readEnv, setEnv } from '../config/env';
import { Plan } from '../indicators/entities/plan.entity';
import { RollupScheduler } from '../indicators/rollup.scheduler';
import { RollupOutcome, RollupService } from '../indicators/rollup.service';
import { CliError, describeDatabase, openDatabase, runCommand, UsageError } from './cli';
import { todayInVietnam } from '../common/time/vietnam-time';

const USAGE = `Usage: node dist/cli/bench-rollup.js [--date YYYY-MM-DD] [--plan CODE] [--runs N]
       (npm run bench:rollup [-- --date 2025-12-31])

Times the full roll-up of a plan (default: DAKNONG-1268-2030, else the first plan) on a date
(default: today, or the plan's end if that is earlier) through the same service the job runs, and
in the same run a SELECT COUNT(*) over learning_records. Each is run once to warm up, then N times
(default 3); the medians and their ratio are printed, with the rows counted and the peak memory.
Load data first with npm run seed:scale. The snapshot of that date is replaced.`;

const DEFAULT_PLAN = 'DAKNONG-1268-2030';

interface Options {
  date?: string;
  plan?: string;
  runs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    if (flag === '--date' && /^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) options.date = value;
    else if (flag === '--plan' && value) options.plan = value;
    else if (flag === '--runs' && Number.isInteger(Number(value)) && Number(value) >= 1)
      options.runs = Number(value);
    else throw new UsageError(`unknown or incomplete argument "${argv[i]}"`);
  }
  return options;
}

/** `npm run bench:rollup`: the roll-up against a COUNT(*) of the learning records. */
runCommand(USAGE, async (argv) => {
  const options = parseOptions(argv);
  const database = parseDatabaseConfig(readEnv());
  const check = await openDatabase(database);
  try {
    if ((await new MigrationExecutor(check).getPendingMigrations()).length > 0)
      throw new CliError('The database has pending migrations: run `npm run migrate` first.');
  } finally {
    await check.destroy();
  }
  // Measure, do not seed or schedule anything.
  setEnv({ SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot('web'), {
    logger: false,
    abortOnError: false,
  });
  try {
    app.get(RollupScheduler).stop();
    const dataSource = app.get(DataSource);
    const rollups = app.get(RollupService);
    const plans = dataSource.getRepository(Plan);
    const plan =
      (await plans.findOne({ where: { code: options.plan ?? DEFAULT_PLAN } })) ??
      (options.plan ? null : await plans.findOne({ where: {}, order: { id: 'ASC' } }));
    if (!plan)
      throw new CliError(
        options.plan ? `No plan with code ${options.plan}.` : 'No plan: run npm run seed first.',
      );
    const today = todayInVietnam();
    const asOf = options.date ?? (today < plan.endDate ? today : plan.endDate);

    console.log(`Database: ${describeDatabase(database)}`);
    console.log(`Plan: ${plan.code}, as of ${asOf}; ${options.runs} timed run(s) each after one warm-up.`);
    const rollup = () => rollups.run(plan.id, asOf, { force: true });
    const count = async () => {
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM learning_records');
      return Number(n);
    };
    let outcome: RollupOutcome = await rollup();
    let records = await count();
    const rollupTimes: number[] = [];
    const countTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      rollupTimes.push(await timed(async () => (outcome = await rollup())));
      countTimes.push(await timed(async () => (records = await count())));
    }
    const rollupMs = median(rollupTimes);
    const countMs = median(countTimes);
    const [{ n: workers }] = await dataSource.query('SELECT COUNT(*) AS n FROM workers');
    const [{ n: employments }] = await dataSource.query('SELECT COUNT(*) AS n FROM employments');
    const line = (label: string, value: string) => console.log(`  ${label.padEnd(38)}${value}`);
    line('workers / employments', `${fmt(Number(workers))} / ${fmt(Number(employments))}`);
    line('learning records (COUNT(*))', fmt(records));
    line('employed on the date (population)', fmt(outcome.population));
    line('enterprises / snapshot rows', `${fmt(outcome.enterprises)} / ${fmt(outcome.rows)}`);
    line('roll-up (median)', `${ms(rollupMs)}   runs: ${rollupTimes.map(ms).join(', ')}`);
    line('COUNT(*) learning_records (median)', `${ms(countMs)}   runs: ${countTimes.map(ms).join(', ')}`);
    line('ratio roll-up / COUNT(*)', `${(rollupMs / countMs).toFixed(2)}×`);
    line('peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await app.close();
  }
});

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (n: number) => n.toLocaleString('en');
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
