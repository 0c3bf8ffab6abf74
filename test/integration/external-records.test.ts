import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { ExternalRecordDto } from '../../src/learning-records/dto/external-record.dto';
import { ExternalRecordsService } from '../../src/learning-records/external-records.service';
import { RecordRefused } from '../../src/learning-records/record-refused';
import { ensureLearningDomains } from '../support/learning-domains';
import { createInstitution } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise } from '../support/workers-factory';

/**
 * A result posted twice at the same moment on MariaDB (issue 14): the post holds no look-up inside
 * its transaction, so the unique key alone decides, and the loser answers as a repeat would.
 */
describe('results reported by institutions (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let sut: ExternalRecordsService;
  let editor: Actor;
  const cccd = `0${String(Date.now()).slice(-11)}`;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(ExternalRecordsService);
    await ensureLearningDomains(db);
    const institutionId = await createInstitution(db);
    const enterpriseId = await createEnterprise(db, 'Công ty Đối tác Kết quả');
    await db.query(
      'INSERT INTO institution_partnerships (institution_id, enterprise_id, since) VALUES (?, ?, ?)',
      [institutionId, enterpriseId, '2020-01-01'],
    );
    const pii = app.get(PiiCipher);
    await db.query(
      "INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash) VALUES (?, ?, '1992-02-02', 'FEMALE', ?, ?)",
      ['Trần Thị Kết', foldVietnamese('Trần Thị Kết'), pii.encrypt(cccd), pii.blindIndex(cccd)],
    );
    const [{ id: workerId }] = await db.query('SELECT id FROM workers WHERE cccd_hash = ?', [
      pii.blindIndex(cccd),
    ]);
    await db.query(
      "INSERT INTO employments (worker_id, enterprise_id, start_date, employee_code) VALUES (?, ?, '2021-01-01', 'KQ-1')",
      [workerId, enterpriseId],
    );
    editor = new Actor(77, 'Cán bộ nhà trường', [
      { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: institutionId },
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (externalId: string, hours = 8): ExternalRecordDto => ({
    externalId,
    cccd,
    dateOfBirth: '1992-02-02',
    title: 'Chứng chỉ An toàn lao động',
    completedOn: '2025-04-10',
    hours,
    domains: ['VOCATIONAL'],
  });

  const learningRecords = async (externalId: string) => {
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM learning_records r JOIN external_records x ON r.source_ref = CONCAT('external:', x.id)
       WHERE x.external_id = ?`,
      [externalId],
    );
    return Number(n);
  };

  it('stores the same result sent five times at once once, and answers the others with it', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => sut.submit(editor, post('KQ-DOI-1'))));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.record.id)).size).toBe(1);
    expect(outcomes.every((o) => o.record.domains.join() === 'VOCATIONAL')).toBe(true);
    expect(await learningRecords('KQ-DOI-1')).toBe(1);
  });

  it('refuses the other of two different results sent at once under one id (409), storing one', async () => {
    const outcomes = await Promise.allSettled([
      sut.submit(editor, post('KQ-DOI-2', 8)),
      sut.submit(editor, post('KQ-DOI-2', 16)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(RecordRefused);
    expect((refused.reason as RecordRefused).getStatus()).toBe(409);
    expect(await learningRecords('KQ-DOI-2')).toBe(1);
  });

  it('answers with what it stored: the same view a later read gives', async () => {
    const { record } = await sut.submit(editor, post('KQ-DOI-3'));
    const read = await sut.detail(editor, record.id);
    expect(record).toEqual(read);
  });
});
