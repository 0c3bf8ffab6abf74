import { Injectable, INestApplication, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportSectionQuery, ReportSections } from '../../src/common/report-sections/report-sections';
import { ReportingBodyKind } from '../../src/indicators/entities/reporting-body.entity';
import {
  binary,
  createSnapshot,
  enterpriseId,
  ensureReportingBody,
  pdfText,
  seededPlan,
  textOf,
  unitId,
  xlsxRows,
} from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';

/** What the test section says now; changed after submission to see that the report keeps its copy. */
const state = { value: 1234, asked: [] as ReportSectionQuery[] };

/** A domain's section, as engagement's parts register theirs: the province only, two rows. */
@Injectable()
class TestSection implements OnModuleInit {
  constructor(private readonly sections: ReportSections) {}

  onModuleInit(): void {
    this.sections.register({
      key: 'test',
      order: 1,
      section: async (query) => {
        state.asked.push(query);
        if (query.unitId !== null) return null;
        return {
          key: 'test',
          title: 'reports.pending.title',
          tables: [
            {
              caption: 'reports.figures',
              columns: [
                { label: 'dashboard.col.name' },
                { label: 'dashboard.col.population', numeric: true },
              ],
              rows: [
                ['Công ty TNHH Chế biến Nông sản Tâm Phát', state.value],
                ['Công ty Cổ phần Cà phê Đắk Mil Xanh', 2.345],
              ],
            },
          ],
        };
      },
    });
  }
}

/** The rows of a section's table on the report page, as text. */
function sectionRows(html: string, key: string): string[][] {
  const section =
    new RegExp(`<section[^>]*data-section="${key}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
  );
}

/**
 * Sections other domains add to the annual report (ReportSections): shown on the page, exported
 * as further sheets of the XLSX and in the PDF with the page's numbers, given by the API, asked
 * for the province or a unit, and frozen with the figures when the report is submitted.
 */
describe('annual report sections (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;
  const id = { plan: 0, federationBody: 0, cuJutBody: 0, cuJut: 0 };
  const YEAR = 2025;
  const url = (bodyId: number, query = '') => `/reports/bodies/${bodyId}/years/${YEAR}${query}`;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', providers: [TestSection] });
    db = app.get(DataSource);
    id.plan = (await seededPlan(db)).id;
    id.cuJut = await unitId(db, '662');
    id.federationBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Federation,
      name: 'Liên đoàn Lao động tỉnh',
      dueMonthDay: '12-15',
      position: 99,
    });
    id.cuJutBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Unit,
      name: 'Ủy ban nhân dân huyện Cư Jút',
      unitId: id.cuJut,
      dueMonthDay: '12-01',
      position: 3,
    });
    await createSnapshot(db, {
      planId: id.plan,
      asOf: '2025-06-30',
      rootUnitId: await unitId(db, '67'),
      enterprises: [
        {
          enterpriseId: await enterpriseId(db, '6400123455'),
          unitId: id.cuJut,
          population: 150,
          declaredHeadcount: 160,
          law: 40,
          vocational: 25,
          lifeSkills: 20,
          digital: 18,
          learningCitizen: 9,
        },
      ],
    });
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  const expectedRows = [
    ['Công ty TNHH Chế biến Nông sản Tâm Phát', '1.234'],
    ['Công ty Cổ phần Cà phê Đắk Mil Xanh', '2,35'],
  ];

  it('shows a domain’s section in the province report’s draft, live, with numbers as the page writes them', async () => {
    const page = await admin.get(url(id.federationBody));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="h-section-test">');
    const rows = sectionRows(page.text, 'test');
    expect(rows[0]).toEqual(['Tên', 'Người lao động']);
    expect(rows.slice(1)).toEqual(expectedRows);
    expect(state.asked).toContainEqual({ year: YEAR, unitId: null });
  });

  it('asks for a unit’s section in a unit’s report, and shows none when the domain has nothing for it', async () => {
    state.asked = [];
    const page = await admin.get(url(id.cuJutBody));
    expect(page.status).toBe(200);
    expect(state.asked).toEqual([{ year: YEAR, unitId: id.cuJut }]);
    expect(page.text).not.toContain('data-section="test"');
  });

  it('exports the section as a further sheet of the XLSX and in the PDF, with the page’s numbers', async () => {
    const page = await admin.get(url(id.federationBody));
    const header = sectionRows(page.text, 'test')[0];
    const xlsx = await admin.agent.get(url(id.federationBody, '?format=xlsx')).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(await xlsxRows(xlsx.body as Buffer, 1)).toEqual([
      header,
      ['Công ty TNHH Chế biến Nông sản Tâm Phát', 1234],
      ['Công ty Cổ phần Cà phê Đắk Mil Xanh', 2.35],
    ]);
    const pdf = await admin.agent.get(url(id.federationBody, '?format=pdf')).buffer(true).parse(binary);
    const text = pdfText(pdf.body as Buffer);
    for (const cell of ['Công ty Cổ phần Cà phê Đắk Mil Xanh', '1.234', '2,35']) expect(text).toContain(cell);
  });

  it('gives the section through the API', async () => {
    const answer = await admin.agent.get(`/api/v1/reports/bodies/${id.federationBody}/years/${YEAR}`);
    expect(answer.status).toBe(200);
    // The demo data's own sections (a survey closed in 2025…) come after the test's (order 1).
    expect(answer.body.sections[0]).toEqual({
      key: 'test',
      title: expect.any(String),
      tables: [
        {
          caption: expect.any(String),
          columns: [
            { label: 'Tên', numeric: false },
            { label: 'Người lao động', numeric: true },
          ],
          rows: [
            ['Công ty TNHH Chế biến Nông sản Tâm Phát', 1234],
            ['Công ty Cổ phần Cà phê Đắk Mil Xanh', 2.345],
          ],
        },
      ],
    });
  });

  it('freezes the section when the report is submitted: a later change shows in the next draft only', async () => {
    await admin.get(url(id.federationBody));
    const submitted = await admin.submit(`${url(id.federationBody)}/submit`, {
      activities: 'Tổng hợp báo cáo của các đơn vị.',
    });
    expect(submitted.status).toBe(303);
    state.value = 999;
    const frozen = await admin.get(url(id.federationBody));
    expect(sectionRows(frozen.text, 'test').slice(1)).toEqual(expectedRows);
    const xlsx = await admin.agent.get(url(id.federationBody, '?format=xlsx')).buffer(true).parse(binary);
    expect((await xlsxRows(xlsx.body as Buffer, 1))[1]).toEqual([
      'Công ty TNHH Chế biến Nông sản Tâm Phát',
      1234,
    ]);

    expect((await admin.submit(`${url(id.federationBody)}/correct`, {})).status).toBe(303);
    const correction = await admin.get(url(id.federationBody));
    expect(sectionRows(correction.text, 'test')[1]).toEqual([
      'Công ty TNHH Chế biến Nông sản Tâm Phát',
      '999',
    ]);
  });
});
