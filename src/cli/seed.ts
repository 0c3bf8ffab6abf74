import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { parseDatabaseConfig } from '../config';
import { readEnv, setEnv } from '../config/env';
import { SeedRunner } from '../seed/seed.runner';
import { describeDatabase, ensureMigrated, parseFlags, runCommand } from './cli';

const USAGE = `Usage: node dist/cli/seed.js [--demo | --no-demo]   (npm run seed [-- --demo])

Loads the reference data of seeds/reference (learning domains, administrative units, the plan and
its targets); rows already present are kept, so it is safe to run again. --demo also loads the
demo organisations, workers and logins of seeds/demo, unless the demo logins are there already.
Default: --demo on the embedded SQLite database, --no-demo on MySQL.`;

/** Tables whose row counts make the summary. */
const COUNTED = [
  'learning_domains',
  'admin_units',
  'admin_unit_mappings',
  'plans',
  'plan_indicators',
  'plan_targets',
  'enterprises',
  'training_institutions',
  'association_branches',
  'workers',
  'users',
];

/** `npm run seed`: loads seeds/ into the configured database. */
runCommand(USAGE, async (argv) => {
  const flags = parseFlags(argv, ['demo']);
  const database = parseDatabaseConfig(readEnv());
  const demo = flags.demo ?? database.type === 'sqlite';
  if (!database.migrateOnStart) await ensureMigrated(database);
  // This command seeds once, below, with the options asked for; not also at start-up.
  setEnv({ SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot('web'), {
    logger: false,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  try {
    const dataSource = app.get(DataSource);
    console.log(`Database: ${describeDatabase(database)}`);
    const before = await countRows(dataSource);
    await app.get(SeedRunner).run({ demo });
    const after = await countRows(dataSource);
    console.log('Reference data loaded (rows already present were kept). Rows now:');
    for (const table of COUNTED) {
      const added = after[table] - before[table];
      console.log(`  ${table.padEnd(24)}${String(after[table]).padStart(8)}${added ? `  (+${added})` : ''}`);
    }
    if (!demo) console.log('Demo data: not requested (add --demo to load it).');
    else if (after.users > before.users)
      console.log('Demo data: loaded. The demo logins and their password are in seeds/demo/users.json.');
    else console.log('Demo data: the demo logins are there already; left as it was.');
  } finally {
    await app.close();
  }
});

async function countRows(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(table, 't')
      .getRawOne<{ n: number | string }>();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
