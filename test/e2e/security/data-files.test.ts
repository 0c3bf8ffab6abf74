import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '../../support/test-app';

/**
 * Issue 9, item 6: the embedded database, its write-ahead log and shared memory, the development
 * secrets and the upload directory are owner-only (files 0600, directories 0700), made so on a
 * fresh start and tightened at start-up when an earlier version left them readable by others.
 */
describe('data directory permissions (e2e)', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoctap-perm-'));
  const dataDir = join(root, 'data'); // made by the app, as ./data is on a first `npm start`
  const previousUmask = process.umask(0o022); // the usual umask: files 0644 unless made otherwise

  afterAll(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  const mode = (path: string) => (existsSync(path) ? (statSync(path).mode & 0o777).toString(8) : 'missing');
  const paths = {
    DATA_DIR: dataDir,
    'hoctap.sqlite': join(dataDir, 'hoctap.sqlite'),
    'hoctap.sqlite-wal': join(dataDir, 'hoctap.sqlite-wal'),
    'hoctap.sqlite-shm': join(dataDir, 'hoctap.sqlite-shm'),
    'secrets.json': join(dataDir, 'secrets.json'),
    'uploads/': join(dataDir, 'uploads'),
  };
  const modes = () => Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, mode(path)]));
  const expected = {
    DATA_DIR: '700',
    'hoctap.sqlite': '600',
    'hoctap.sqlite-wal': '600',
    'hoctap.sqlite-shm': '600',
    'secrets.json': '600',
    'uploads/': '700',
  };

  async function start() {
    // SEED_DEMO off: the migrations alone write the database and its WAL.
    const app = await createTestApp({ database: 'sqlite', env: { DATA_DIR: dataDir, SEED_DEMO: 'false' } });
    const seen = modes(); // while the app holds the database open, the WAL and SHM files exist
    await app.close();
    return seen;
  }

  it('creates them owner-only on a first start', async () => {
    const seen = await start();
    console.log('issue 9 item 6, first start:', seen);
    expect(seen).toEqual(expected);
  });

  it('tightens files and directories left readable by others when it starts', async () => {
    for (const [name, path] of Object.entries(paths))
      if (existsSync(path)) chmodSync(path, name === 'DATA_DIR' || name === 'uploads/' ? 0o755 : 0o644);
    const seen = await start();
    console.log('issue 9 item 6, after chmod 644/755 and a restart:', seen);
    expect(seen).toEqual(expected);
  });
});
