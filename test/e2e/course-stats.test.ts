import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { buildFixture, expectFigures } from '../support/course-stats-fixture';
import { createInstitution } from '../support/learning-factory';
import { Browser, createTestApp } from '../support/test-app';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The page's tables as [caption, row label, column header, cell text] lines. */
function pageLines(html: string): string[][] {
  const lines: string[][] = [];
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .trim();
  for (const section of html.split('<section').slice(1)) {
    const caption = text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(section)![1]);
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(section);
    if (!head) continue;
    const headers = [...head[1].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]));
    for (const row of /<tbody>([\s\S]*?)<\/tbody>/.exec(section)![1].split('<tr>').slice(1)) {
      const label = text(/<th scope="row">([\s\S]*?)<\/th>/.exec(row)![1]);
      [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].forEach((m, i) =>
        lines.push([caption, label, headers[i + 1], text(m[1])]),
      );
    }
  }
  return lines;
}

/** A page cell as the files hold it: Vietnamese numbers (1.234,5) read as numbers, "—" as empty. */
const fromPage = (cell: string): string =>
  cell === '—'
    ? ''
    : /^[\d.]+(,\d+)?$/.test(cell)
      ? String(Number(cell.replace(/\./g, '').replace(',', '.')))
      : cell;
const fromFile = (cell: unknown): string => (cell === null || cell === undefined ? '' : String(cell));

describe('course statistics (e2e)', () => {
  describe('on the embedded default (SQLite, demo accounts)', () => {
    let app: INestApplication;
    let ids: Awaited<ReturnType<typeof buildFixture>>;
    let editor: Browser;
    let courseId = 0;

    beforeAll(async () => {
      app = await createTestApp({ database: 'sqlite' });
      const db = app.get(DataSource);
      const [{ id }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [
        'Trường Cao đẳng Cộng đồng Đắk Nông',
      ]);
      ids = await buildFixture(app, Number(id));
      courseId = ids.fixture.course.id;
      editor = new Browser(app);
      await editor.login('truong.caodang');
    });
    afterAll(() => app?.close());

    it('shows the course’s editor the hand-computed figures, by page and by API', async () => {
      const show = await editor.get(`/catalog/courses/${courseId}`);
      expect(show.text).toContain(`href="/catalog/courses/${courseId}/stats"`);
      const page = await editor.get(`/catalog/courses/${courseId}/stats`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thống kê: Thống kê an toàn số');
      expect(page.text).toContain('doanh nghiệp họ đang làm việc hiện nay');
      expect(page.text).toContain('dưới 5 người học chỉ hiện “&lt; 5”');
      const lines = pageLines(page.text);
      const find = (table: string, row: string, column: string) =>
        lines.find((l) => l[0] === table && l[1] === row && l[2] === column)?.[3];
      expect(find('Tổng quan', 'Hoàn thành', '% số người ghi danh')).toBe('44,4');
      expect(find('Tổng quan', 'Trung vị số ngày từ ghi danh đến hoàn thành', 'Số liệu')).toBe('5');
      expect(find('Bài kiểm tra', 'Bài kiểm tra cuối khóa', 'Điểm trung bình (%)')).toBe('83,3');
      expect(find('Theo doanh nghiệp', `Hợp tác xã Cà phê Đắk Mil ${ids.suffix}`, 'Ghi danh')).toBe('< 5');
      expect(find('Theo doanh nghiệp', 'Hiện không làm việc tại doanh nghiệp nào', 'Ghi danh')).toBe('< 5');
      expect(find('Theo doanh nghiệp', `Công ty TNHH Điện tử Hòa Bình ${ids.suffix}`, 'Hoàn thành')).toBe(
        '3',
      );
      // The question people get wrong most comes first.
      const questions = lines.filter((l) => l[0].startsWith('Từng câu hỏi') && l[2] === 'Tỉ lệ đúng (%)');
      expect(questions.map((l) => [l[1], l[3]])).toEqual([
        ['Dấu hiệu nào cho thấy tin nhắn lừa đảo?', '66,7'],
        ['Mật khẩu nào an toàn nhất?', '100'],
      ]);

      const api = await editor.agent.get(`/api/v1/catalog/courses/${courseId}/stats`).expect(200);
      expectFigures(api.body, ids);
      // The < 5 rule holds in the JSON too: no count of a small group leaves the server.
      expect(JSON.stringify(api.body.enterprises.slice(1))).not.toMatch(/"enrolled":\d/);
    });

    it('exports the page’s numbers, cell for cell, as CSV and XLSX', async () => {
      const page = pageLines((await editor.get(`/catalog/courses/${courseId}/stats`)).text);
      const csvRes = await editor.agent.get(`/catalog/courses/${courseId}/stats?format=csv`).expect(200);
      expect(csvRes.headers['content-type']).toContain('text/csv');
      const csv: string[][] = parse(csvRes.text.replace(/^\uFEFF/, ''), { from_line: 2 });
      expect(csv.map((l) => l.map(fromFile))).toEqual(page.map((l) => l.map(fromPage)));

      const xlsxRes = await editor.agent
        .get(`/catalog/courses/${courseId}/stats?format=xlsx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsxRes.body as ExcelJS.Buffer);
      const rows: string[][] = [];
      book.worksheets[0].eachRow((row, n) => {
        if (n > 1) rows.push([1, 2, 3, 4].map((c) => fromFile(row.getCell(c).value)));
      });
      expect(rows).toEqual(page.map((l) => l.map(fromPage)));
      expect(book.worksheets[0].getRow(1).getCell(4).value).toBe('Giá trị');
    });

    it('answers 404 to another institution’s editor, by page, export and API; the federation admin reads', async () => {
      const db = app.get(DataSource);
      const otherInstitution = await createInstitution(db, 'Trường Trung cấp nghề Đắk Mil thống kê');
      const users = app.get(UsersRepository);
      const user = await users.create({
        username: 'thongke.dakmil',
        displayName: 'Phạm Thị Hạnh',
        email: null,
        status: UserStatus.Active,
      });
      await users.update(user.id, { passwordHash: await app.get(PasswordHasher).hash('hoctap2030') });
      await users.assign(user.id, Role.InstitutionEditor, ScopeType.Institution, otherInstitution);
      const other = new Browser(app);
      await other.login('thongke.dakmil', 'hoctap2030');
      await other.agent.get(`/catalog/courses/${courseId}/stats`).expect(404);
      await other.agent.get(`/catalog/courses/${courseId}/stats?format=csv`).expect(404);
      await other.agent.get(`/catalog/courses/${courseId}/stats?format=xlsx`).expect(404);
      await other.agent.get(`/api/v1/catalog/courses/${courseId}/stats`).expect(404);
      await other.agent.get(`/api/v1/catalog/courses/999999/stats`).expect(404);

      const officer = new Browser(app);
      await officer.login('congdoan.tamphat');
      await officer.agent.get(`/catalog/courses/${courseId}/stats`).expect(403);
      const worker = new Browser(app);
      await worker.login('nguoilaodong');
      await worker.agent.get(`/api/v1/catalog/courses/${courseId}/stats`).expect(403);
      await request(app.getHttpServer()).get(`/api/v1/catalog/courses/${courseId}/stats`).expect(401);

      const admin = new Browser(app);
      await admin.login('liendoan');
      expect((await admin.get(`/catalog/courses/${courseId}/stats`)).status).toBe(200);
      expectFigures(
        (await admin.agent.get(`/api/v1/catalog/courses/${courseId}/stats`).expect(200)).body,
        ids,
      );
    });
  });
});
