import { existsSync } from 'node:fs';
import { DataSource, MigrationExecutor } from 'typeorm';
import { DatabaseConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { exitOnStartupError } from '../startup';

/** A wrong command line: the message and the usage are printed, exit code 2. */
export class UsageError extends Error {}

/** A problem the operator can fix, said in one line (exit code 1). */
export class CliError extends Error {}

/**
 * Runs a command: `--help` prints the usage; a bad setting or a CliError prints one line,
 * anything unexpected its stack.
 */
export function runCommand(usage: string, main: (argv: string[]) => Promise<void>): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  main(argv).catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    if (error instanceof CliError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    exitOnStartupError(error);
  });
}

/** Parses `--flag` and `--no-flag` arguments; anything else is a usage error. */
export function parseFlags(argv: string[], known: string[]): Partial<Record<string, boolean>> {
  const flags: Partial<Record<string, boolean>> = {};
  for (const arg of argv) {
    const match = /^--(no-)?([a-z-]+)$/.exec(arg);
    if (!match || !known.includes(match[2])) throw new UsageError(`unknown argument "${arg}"`);
    flags[match[2]] = !match[1];
  }
  return flags;
}

/** Where the command works, for its first line of output; never shows the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.type === 'sqlite') return `SQLite ${config.file}`;
  const url = new URL(config.url);
  return `MySQL ${url.hostname}:${url.port || 3306}${url.pathname}`;
}

/** Opens the configured database; the usual operator mistakes (no server, no database, wrong password) get one line. */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  try {
    return await createDataSource(config).initialize();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (
      code &&
      ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ER_BAD_DB_ERROR', 'ER_ACCESS_DENIED_ERROR'].includes(code)
    ) {
      throw new CliError(`Cannot open the database (${describeDatabase(config)}): ${message ?? code}`);
    }
    throw error;
  }
}

/**
 * Where migrations do not run at start-up, the schema must be in place before the app boots: a
 * database with no schema, or with pending migrations, gets one line naming `npm run migrate`. A
 * missing SQLite file is not created here (a wrong DATA_DIR would otherwise make an empty one).
 */
export async function ensureMigrated(config: DatabaseConfig): Promise<void> {
  if (config.type === 'sqlite' && !existsSync(config.file)) {
    throw new CliError(
      `There is no database at ${config.file}: run \`npm run migrate\` first (or check DATA_DIR and SQLITE_FILE).`,
    );
  }
  const dataSource = await openDatabase(config);
  try {
    const executor = new MigrationExecutor(dataSource);
    const pending = await executor.getPendingMigrations();
    if (pending.length === 0) return;
    if ((await executor.getExecutedMigrations()).length === 0) {
      throw new CliError(
        `The database (${describeDatabase(config)}) has no schema yet: run \`npm run migrate\` first.`,
      );
    }
    const names = pending.map((m) => m.name).join(', ');
    throw new CliError(`The database has pending migrations (${names}): run \`npm run migrate\` first.`);
  } finally {
    await dataSource.destroy();
  }
}
