import 'reflect-metadata';
import { MigrationExecutor } from 'typeorm';
import { parseDatabaseConfig } from '../config';
import { readEnv } from '../config/env';
import { describeDatabase, openDatabase, parseFlags, runCommand } from './cli';

const USAGE = `Usage: node dist/cli/migrate.js [--revert]   (npm run migrate [-- --revert])

Runs the pending migrations on the configured database: DATABASE_URL, or the embedded SQLite
file when it is unset. --revert reverts the last migration that ran.`;

/** `npm run migrate`: the explicit schema step of a production deployment. */
runCommand(USAGE, async (argv) => {
  const { revert } = parseFlags(argv, ['revert']);
  const config = parseDatabaseConfig(readEnv());
  const dataSource = await openDatabase(config);
  try {
    console.log(`Database: ${describeDatabase(config)}`);
    if (revert) {
      const executed = await new MigrationExecutor(dataSource).getExecutedMigrations();
      const last = executed.sort((a, b) => b.timestamp - a.timestamp)[0];
      if (!last) {
        console.log('No migration has run; nothing to revert.');
        return;
      }
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log(`Reverted ${last.name}.`);
      return;
    }
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length === 0) console.log('The schema is up to date: no migration to run.');
    for (const migration of ran) console.log(`Ran ${migration.name}.`);
  } finally {
    await dataSource.destroy();
  }
});
