import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestApp } from './test-app';

/**
 * End-to-end tests: the embedded database is migrated and filled with the demo data once, into a
 * template directory (database file and the development secrets that encrypted its CCCDs); each
 * test file's app then starts from a copy of it instead of doing both again (test-app.ts).
 */
export default async function e2eSetup(): Promise<void> {
  // The lesson form names the editor's bundle, which `npm run build` makes; a test run may come first.
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-editor.mjs')]);
  const saved = { ...process.env };
  const app = await createTestApp({ database: 'sqlite' });
  const template = process.env.DATA_DIR!;
  await app.close();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved, { HOCTAP_TEST_TEMPLATE: template });
}
