import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { CourseStatsService } from '../../src/learning/course-stats.service';
import { buildFixture, expectFigures } from '../support/course-stats-fixture';
import { ensureLearningDomains } from '../support/learning-domains';
import { createInstitution } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';

/** The statistics' SQL on MariaDB, against the fixture the e2e test checks on SQLite. */
describe('course statistics on MariaDB (integration)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
  });
  afterAll(() => app?.close());

  it('counts the same figures in the same SQL', async () => {
    await ensureLearningDomains(app.get(DataSource));
    const institutionId = await createInstitution(app.get(DataSource));
    const ids = await buildFixture(app, institutionId);
    const editor = new Actor(0, 'Biên tập viên', [
      { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: institutionId },
    ]);
    expectFigures(await app.get(CourseStatsService).forCourse(editor, ids.fixture.course.id), ids);
  });
});
