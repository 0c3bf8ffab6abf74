import { INestApplication } from '@nestjs/common';
import { existsSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { FileKind } from '../../src/files/file-kinds';
import { FILES_DIR, FilesService } from '../../src/files/files.service';
import { ORPHAN_AGE_MS, OrphanFilesSweep } from '../../src/files/orphan-files.sweep';
import { samples } from '../support/sample-files';
import { createTestApp } from '../support/test-app';

/**
 * Bytes left without their row — a process that died between deleting a file's row and its bytes
 * (an anonymisation, say), or between moving an upload into place and committing — are deleted by
 * the sweep once they have sat there an hour; files with rows, and young orphans, are kept.
 */
describe('orphan file sweep (e2e)', () => {
  let app: INestApplication;
  let files: FilesService;
  let sweep: OrphanFilesSweep;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    files = app.get(FilesService);
    sweep = app.get(OrphanFilesSweep);
  });

  afterAll(async () => {
    await app.close();
  });

  const keep = () =>
    files.storeBytes(samples.pdf(), 'minh-chung.pdf', {
      ownerType: 'TEST',
      ownerId: 1,
      allowed: [FileKind.Pdf],
      uploadedBy: null,
    });

  it('deletes bytes whose row is gone once they are an hour old, and nothing else', async () => {
    const kept = await keep();
    const lost = await keep();
    // The crash: the row deleted and committed, the bytes not.
    await app.get(DataSource).query('DELETE FROM stored_files WHERE id = ?', [lost.id]);
    const stray = files.absolutePath(`${FILES_DIR}/not-a-stored-file.pdf`);
    writeFileSync(stray, samples.pdf());

    expect(await sweep.sweep()).toBe(0);
    expect(existsSync(files.absolutePath(lost.storedName))).toBe(true);

    expect(await sweep.sweep(Date.now() + ORPHAN_AGE_MS + 1000)).toBe(2);
    expect(existsSync(files.absolutePath(lost.storedName))).toBe(false);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(files.absolutePath(kept.storedName))).toBe(true);
    expect(await sweep.sweep(Date.now() + ORPHAN_AGE_MS + 1000)).toBe(0);
  });
});
