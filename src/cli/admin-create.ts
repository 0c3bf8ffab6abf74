import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { UsersService } from '../accounts/users.service';
import { AppModule } from '../app.module';
import { AuditActor } from '../audit/audit-log.service';
import { FormError } from '../common/errors/form-error';
import { translateRef } from '../common/i18n/i18n';
import { AppConfig, appConfig, parseDatabaseConfig } from '../config';
import { readEnv, setEnv } from '../config/env';
import { CliError, describeDatabase, ensureMigrated, runCommand, UsageError } from './cli';
import { readNewPassword } from './password-input';

const USAGE = `Usage: node dist/cli/admin-create.js --username NAME [--name "DISPLAY NAME"]
       (npm run admin:create -- --username NAME)

Creates a system administrator on the configured database (DATABASE_URL, or the embedded SQLite
file), active at once: the first account of a database loaded without demo data, or a way back in
when every admin is locked out. The password is asked twice, without echo, in a terminal; otherwise
it is the first line of standard input:
  printf '%s\\n' "$ADMIN_PASSWORD" | npm run admin:create -- --username admin
It is never taken from the command line, and it must pass the password policy. --name is the name
shown in the app (default "Quản trị hệ thống"). The schema must be migrated (npm run migrate).`;

const DEFAULT_NAME = 'Quản trị hệ thống';

/** Who the audit trail names: no account made it. */
const COMMAND_LINE: AuditActor = { userId: null, displayName: 'Dòng lệnh (npm run admin:create)' };

/** `npm run admin:create`: makes a system admin who can sign in at /login. */
runCommand(USAGE, async (argv) => {
  const { username, name } = parseOptions(argv);
  const database = parseDatabaseConfig(readEnv());
  await ensureMigrated(database);
  // This command only adds an account: no migration, no seeding as the app starts.
  setEnv({ MIGRATE_ON_START: 'false', SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot('web'), {
    logger: false,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  try {
    console.log(`Database: ${describeDatabase(database)}`);
    const users = app.get(UsersService);
    // Before the password is typed: a name that cannot be used is said at once.
    const login = await refused(() => users.availableUsername(username));
    const password = await readNewPassword(login);
    const user = await refused(() =>
      users.createSystemAdmin({ username: login, displayName: name, password }, COMMAND_LINE),
    );
    const { publicUrl } = app.get<AppConfig>(appConfig.KEY);
    console.log(`Created the system admin "${user.username}" (account #${user.id}).`);
    console.log(
      `Sign in at ${publicUrl}/login; the first sign-in asks to accept the privacy notice, as for everyone.`,
    );
  } finally {
    await app.close();
  }
});

function parseOptions(argv: string[]): { username: string; name: string } {
  if (argv.some((arg) => arg.startsWith('--password')))
    throw new UsageError(
      'the password is never taken from the command line (ps and the shell history would show it): type it when asked, or pipe it on standard input',
    );
  let values: { username?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { username: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.username) throw new UsageError('--username is required');
  return { username: values.username, name: values.name?.trim() || DEFAULT_NAME };
}

/** The service's refusal, in the app's words (Vietnamese, as on its pages), as one line. */
async function refused<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    const [field, message] = Object.entries(error.fieldErrors)[0];
    const what = field === 'password' ? 'The password' : field === 'username' ? 'The user name' : field;
    throw new CliError(`${what} was refused: ${translateRef('vi', message)} Nothing was created.`);
  }
}
