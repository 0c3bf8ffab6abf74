import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { WorkersRepository } from '../../src/workers/workers.repository';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { Browser, createTestApp } from '../support/test-app';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

/**
 * Learning citizen on the embedded default (SQLite, in-process jobs, demo data): the worker login
 * registers for this year with a personal learning plan, reads the live checklist with its evidence,
 * answers the self-declared criteria and submits; the provincial association makes a new criteria
 * version with a higher pass mark, activates it and re-evaluates Tâm Phát in a batch.
 */
describe('learning citizen: the worker’s year and the criteria (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let worker: Browser;
  let reviewer: Browser;
  const year = Number(todayInVietnam().slice(0, 4));
  const yearPath = `/citizenship/years/${year}`;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    reviewer = new Browser(app);
    await reviewer.login('khuyenhoc.tinh');
  });

  afterAll(async () => {
    await app.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const idle = () => (app.get(JobQueue) as InProcessJobQueue).whenIdle();
  const workerId = async () =>
    Number(
      (
        await db.query(
          "SELECT w.id AS id FROM workers w JOIN users u ON u.id = w.user_id WHERE u.username = 'nguoilaodong'",
        )
      )[0].id,
    );
  const applicationId = async () =>
    Number(
      (
        await db.query('SELECT id FROM citizenship_applications WHERE worker_id = ? AND year = ?', [
          await workerId(),
          year,
        ])
      )[0].id,
    );
  /** The HTML of one criterion on the checklist (Handlebars writes "=" in attributes as &#x3D;). */
  const item = (html: string, code: string) =>
    (
      new RegExp(
        `<li class="citizen-item[^"]*" id="c-${code.replace('.', '\\.')}"[\\s\\S]*?</li>\\s*(?=<li class="citizen-item|</ol>)`,
      ).exec(html)?.[0] ?? ''
    ).replace(/&#x3D;/g, '=');

  it('offers this year’s registration and lists last year’s application', async () => {
    const page = await worker.get('/citizenship');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Đăng ký danh hiệu Công dân học tập năm ${year}`);
    expect(page.text).toContain(`href="${yearPath}/plan"`);
    expect(page.text).toContain('Các năm trước');
    expect(page.text).toContain(`href="/citizenship/years/${year - 1}"`);
    expect(page.text).toContain('Đã nộp, chờ công đoàn xác nhận');
  });

  it('refuses a plan without a goal, or a goal without its hours, in Vietnamese, and registers nothing', async () => {
    const form = await worker.get(`${yearPath}/plan`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Công nghệ thông tin, công nghệ số');
    const empty = await worker.submit(`${yearPath}/plan`, {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Vui lòng đặt mục tiêu cho ít nhất một lĩnh vực học tập.');
    const noHours = await worker.submit(`${yearPath}/plan`, {
      goalDIGITAL: 'Học xong khóa Kỹ năng số cơ bản',
    });
    expect(noHours.status).toBe(400);
    expect(noHours.text).toContain('Nhập số giờ dự kiến cho mục tiêu này.');
    expect(noHours.text).toContain('value="Học xong khóa Kỹ năng số cơ bản"');
    const badHours = await worker.submit(`${yearPath}/plan`, {
      goalDIGITAL: 'Kỹ năng số',
      hoursDIGITAL: 'mười',
    });
    expect(badHours.status).toBe(400);
    expect(badHours.text).toContain('Số giờ phải lớn hơn 0 và không quá 2000');
    expect(
      await count('SELECT COUNT(*) AS n FROM citizenship_applications WHERE worker_id = ? AND year = ?', [
        await workerId(),
        year,
      ]),
    ).toBe(0);
  });

  it('registers with the plan and shows the checklist with evidence and what is missing', async () => {
    await worker.get(`${yearPath}/plan`);
    const res = await worker.submit(`${yearPath}/plan`, {
      goalDIGITAL: 'Hoàn thành khóa Kỹ năng số cơ bản',
      hoursDIGITAL: '10,5',
      goalLAW: 'Tìm hiểu Luật Công đoàn 2024',
      hoursLAW: '4',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(yearPath);
    const page = await worker.get(yearPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đã đăng ký. Các tiêu chí và minh chứng của bạn ở bên dưới.');
    expect(page.text).toContain('Đã đăng ký, chưa nộp');
    expect(page.text).toContain('Bộ tiêu chí đánh giá, công nhận “Công dân học tập”');

    // The plan is evidence of 1.2 and is shown with its hours.
    expect(item(page.text, '1.2')).toContain('data-state="MET"');
    expect(item(page.text, '1.2')).toContain(`href="${yearPath}/plan"`);
    expect(page.text).toContain('Hoàn thành khóa Kỹ năng số cơ bản');
    expect(page.text).toContain('10,5 giờ dự kiến');
    // This year's reading club (demo data) is evidence of 1.3, linked to the learning history.
    expect(item(page.text, '1.3')).toContain('data-state="MET"');
    expect(item(page.text, '1.3')).toContain('Câu lạc bộ đọc sách – sinh hoạt tháng');
    expect(item(page.text, '1.3')).toContain(`href="/learn/history?year=${year}"`);
    // The digital course is only started: what is missing, in plain words.
    expect(item(page.text, '2.1')).toContain('data-state="MISSING"');
    expect(item(page.text, '2.1')).toContain(
      `Cần thêm 1 hoạt động học tập về công nghệ thông tin, công nghệ số trong năm ${year}.`,
    );
    // Self-declared criteria wait for a statement.
    expect(item(page.text, '1.4')).toContain('Cần viết bản tự đánh giá cho tiêu chí này.');
    expect(item(page.text, '1.4')).toContain('name="statement"');

    // Registering again (a second tab) saves the plan, still one application and one REGISTERED step.
    await worker.get(`${yearPath}/plan`);
    const again = await worker.submit(`${yearPath}/plan`, {
      goalDIGITAL: 'Hoàn thành khóa Kỹ năng số cơ bản',
      hoursDIGITAL: '12',
    });
    expect(again.status).toBe(303);
    const id = await applicationId();
    expect(await count('SELECT COUNT(*) AS n FROM learning_plan_items WHERE application_id = ?', [id])).toBe(
      1,
    );
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'REGISTERED'",
        [id],
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'PLAN_SAVED'",
        [id],
      ),
    ).toBe(1);
  });

  it('saves a statement from the page’s fetch and answers JSON: saved, refused, CSRF, nobody else’s', async () => {
    await worker.get(yearPath);
    const fetchPost = (who: Browser, fields: Record<string, string>, csrf = who.csrf) =>
      who.agent
        .post(`${yearPath}/answers`)
        .set('Accept', 'application/json')
        .set('x-csrf-token', csrf)
        .type('form')
        .send(new URLSearchParams(fields).toString());

    // Saved: the criterion's new state, the live result and the progress, no redirect and no flash.
    const saved = await fetchPost(worker, { criterionCode: '1.4', statement: '  Tôi rủ vợ cùng học.  ' });
    expect(saved.status).toBe(200);
    expect(saved.headers['content-type']).toMatch(/^application\/json/);
    expect(saved.body).toMatchObject({
      saved: true,
      savedText: 'Đã lưu',
      criterion: {
        code: '1.4',
        state: 'DECLARED',
        stateLabel: 'Chờ xác nhận',
        statement: 'Tôi rủ vợ cùng học.',
      },
      progress: { answered: 1, total: 6, text: 'Đã trả lời 1/6' },
    });
    expect(saved.body.progress.waitingText).toBe('Còn 5 tiêu chí tự đánh giá chưa trả lời.');
    expect(saved.body.result.totalText).toMatch(/^\d+\/100 điểm \(điểm đạt: \d+\)$/);
    const [{ statement }] = await db.query(
      'SELECT statement FROM citizenship_answers WHERE application_id = ? AND criterion_code = ?',
      [await applicationId(), '1.4'],
    );
    expect(statement).toBe('Tôi rủ vợ cùng học.');
    expect((await worker.get(yearPath)).text).not.toContain('Đã lưu bản tự đánh giá.');

    // The same validation as the form: the errors by field, in Vietnamese, nothing stored.
    const long = await fetchPost(worker, { criterionCode: '2.2', statement: 'Tôi đọc sách. '.repeat(80) });
    expect(long.status).toBe(400);
    expect(long.headers['content-type']).toMatch(/^application\/json/);
    expect(long.body.errors).toEqual({ statement: 'Tối đa 1000 ký tự.' });
    const auto = await fetchPost(worker, { criterionCode: '2.1', statement: 'Tôi biết dùng máy tính.' });
    expect(auto.status).toBe(400);
    expect(auto.body.message).toBe('Tiêu chí này không cần tự đánh giá.');

    // Without the session's token: refused, as JSON.
    const forged = await fetchPost(worker, { criterionCode: '2.2', statement: 'Giả mạo.' }, 'not-the-token');
    expect(forged.status).toBe(403);
    expect(forged.body.message).toBe(
      'Phiên làm việc của biểu mẫu đã hết hạn. Vui lòng tải lại trang và gửi lại.',
    );

    // The route finds the signed-in worker's own application only: another worker without one this
    // year gets 404, and this worker's application is untouched.
    const other = await otherWorker();
    await other.get('/citizenship');
    const foreign = await fetchPost(other, { criterionCode: '1.4', statement: 'Không phải của tôi.' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.');
    expect(
      await count('SELECT COUNT(*) AS n FROM citizenship_answers WHERE application_id = ?', [
        await applicationId(),
      ]),
    ).toBe(1);
  });

  it('answers the self-declared criteria; a statement over 1000 characters is refused next to its criterion', async () => {
    await worker.get(yearPath);
    const long = 'Tôi động viên gia đình học tập. '.repeat(40);
    const refused = await worker.submit(`${yearPath}/answers`, { criterionCode: '1.4', statement: long });
    expect(refused.status).toBe(400);
    expect(item(refused.text, '1.4')).toContain('Tối đa 1000 ký tự.');
    expect(item(refused.text, '1.4')).toContain(long.trim().slice(0, 60));
    expect(item(refused.text, '2.2')).not.toContain('Tối đa 1000 ký tự.');

    const statements: Record<string, string> = {
      '1.4': 'Tôi rủ vợ và hai đồng nghiệp cùng học khóa Kỹ năng số cơ bản.',
      '2.2': 'Tôi đọc được hướng dẫn vận hành máy bằng tiếng Anh.',
      '2.3': 'Tôi lập bảng tính theo dõi sản lượng của tổ.',
      '2.4': 'Tôi góp ý cải tiến khâu đóng gói, được tổ trưởng áp dụng.',
      '3.1': 'Tôi hòa nhã với đồng nghiệp, không để xảy ra mâu thuẫn.',
      '3.2': 'Tôi hướng dẫn công nhân mới vận hành dây chuyền.',
    };
    for (const [criterionCode, statement] of Object.entries(statements)) {
      const res = await worker.submit(`${yearPath}/answers`, { criterionCode, statement });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${yearPath}#c-${criterionCode}`);
    }
    const page = await worker.get(yearPath);
    expect(page.text).toContain('Đã lưu bản tự đánh giá.');
    expect(item(page.text, '1.4')).toContain('data-state="DECLARED"');
    expect(item(page.text, '1.4')).toContain('Chờ xác nhận');
    expect(item(page.text, '1.4')).toContain('Tôi rủ vợ và hai đồng nghiệp cùng học khóa Kỹ năng số cơ bản.');

    // An automatic criterion is not answered by a statement.
    const auto = await worker.submit(`${yearPath}/answers`, {
      criterionCode: '2.1',
      statement: 'Tôi biết dùng máy tính.',
    });
    expect(auto.status).toBe(400);
    expect(auto.text).toContain('Tiêu chí này không cần tự đánh giá.');
    expect(
      await count('SELECT COUNT(*) AS n FROM citizenship_answers WHERE application_id = ?', [
        await applicationId(),
      ]),
    ).toBe(6);
  });

  it('submits once however often the button is pressed, and the plan stays editable', async () => {
    await worker.get(yearPath);
    const first = await worker.submit(`${yearPath}/submit`, {});
    const second = await worker.submit(`${yearPath}/submit`, {});
    expect([first.status, second.status]).toEqual([303, 303]);
    const page = await worker.get(yearPath);
    expect(page.text).toContain('Đã nộp, chờ công đoàn xác nhận');
    const id = await applicationId();
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'SUBMITTED'",
        [id],
      ),
    ).toBe(1);
    expect((await worker.get(`${yearPath}/plan`)).status).toBe(200);

    // The evaluation job (debounced after the steps) stores the result with the version it used.
    await idle();
    const [evaluation] = await db.query(
      'SELECT e.criteria_set_id AS setId, e.total_points AS total FROM citizenship_evaluations e WHERE e.application_id = ?',
      [id],
    );
    expect(evaluation).toBeDefined();
    expect(Number(evaluation.total)).toBeGreaterThanOrEqual(80);
  });

  it('shows a statement the officer returned with the comment; saving it sends it back to the officer', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    const id = await applicationId();
    const review = `/citizenship/review/applications/${id}`;
    await officer.get(review);
    const returned = await officer.submit(`${review}/answers/2.2/return`, {
      comment: 'Ghi rõ tên tài liệu tiếng Anh bạn đọc được.',
    });
    expect(returned.status).toBe(303);
    const answer = async () =>
      (
        await db.query(
          'SELECT review_status AS status, review_comment AS comment, statement FROM citizenship_answers WHERE application_id = ? AND criterion_code = ?',
          [id, '2.2'],
        )
      )[0];
    expect(await answer()).toMatchObject({ status: 'RETURNED' });

    // The worker reads why, next to the criterion, and can still answer it.
    let page = await worker.get(yearPath);
    expect(item(page.text, '2.2')).toContain('data-state="MISSING"');
    expect(item(page.text, '2.2')).toContain(
      'Công đoàn nhận xét: Ghi rõ tên tài liệu tiếng Anh bạn đọc được.',
    );
    expect(item(page.text, '2.2')).toContain('name="statement"');
    const edited = 'Tôi đọc được sổ tay vận hành máy sấy (Operation Manual) bằng tiếng Anh.';
    expect(
      (await worker.submit(`${yearPath}/answers`, { criterionCode: '2.2', statement: edited })).status,
    ).toBe(303);
    expect(await answer()).toEqual({ status: 'PENDING', comment: null, statement: edited });
    page = await worker.get(yearPath);
    expect(item(page.text, '2.2')).toContain('data-state="DECLARED"');
    expect(item(page.text, '2.2')).not.toContain('Công đoàn nhận xét');

    // Returned again and saved unchanged: the worker stands by it, and it waits for the officer again.
    await officer.get(review);
    await officer.submit(`${review}/answers/2.2/return`, { comment: 'Cần xác nhận của tổ trưởng.' });
    expect(await answer()).toMatchObject({ status: 'RETURNED' });
    await worker.get(yearPath);
    expect(
      (await worker.submit(`${yearPath}/answers`, { criterionCode: '2.2', statement: edited })).status,
    ).toBe(303);
    expect(await answer()).toEqual({ status: 'PENDING', comment: null, statement: edited });
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'ANSWER_SAVED'",
        [id],
      ),
    ).toBe(9); // 8 here, and the statement saved by the page's fetch earlier
  });

  it('keeps each role to its pages', async () => {
    await reviewer.agent.get('/citizenship').expect(403);
    await worker.agent.get('/citizenship/criteria').expect(403);
    await worker.agent.get('/citizenship/evaluation').expect(403);
    await worker.agent.get('/api/v1/citizenship/criteria-sets').expect(403);
  });

  let v1 = 0;
  let draft = 0;

  it('shows the criteria with the province’s note, and makes one draft however often “new version” is pressed', async () => {
    const list = await reviewer.get('/citizenship/criteria');
    expect(list.status).toBe(200);
    expect(list.text).toContain('KHVN-324');
    expect(list.text).toContain('Đang áp dụng');
    expect(list.text).toContain(
      'Điểm của từng tiêu chí, điểm đạt và điểm tối thiểu của nhóm là do tỉnh quy định.',
    );
    v1 = Number(
      (await db.query("SELECT id FROM criteria_sets WHERE code = 'KHVN-324' AND version = 1"))[0].id,
    );
    const show = await reviewer.get(`/citizenship/criteria/${v1}`);
    expect(show.text).toContain('Quyết định số 324/QĐ-KHVN');
    expect(show.text).toContain(
      'Có ít nhất 1 hoạt động học tập thuộc lĩnh vực “Công nghệ thông tin, công nghệ số” trong năm',
    );
    expect(show.text).toContain('Tham dự ít nhất 1 buổi Câu lạc bộ đọc sách hoặc');
    expect(show.text).not.toContain('/items/2.1/edit');

    const created = await reviewer.submit(`/citizenship/criteria/${v1}/new-version`, {});
    expect(created.status).toBe(303);
    draft = Number(/\/citizenship\/criteria\/(\d+)$/.exec(created.headers.location)?.[1]);
    expect(draft).toBeGreaterThan(v1);
    const again = await reviewer.submit(`/citizenship/criteria/${v1}/new-version`, {});
    expect(again.headers.location).toBe(`/citizenship/criteria/${draft}`);
    expect(
      await count("SELECT COUNT(*) AS n FROM criteria_sets WHERE code = 'KHVN-324' AND status = 'DRAFT'"),
    ).toBe(1);
    const page = await reviewer.get(`/citizenship/criteria/${draft}`);
    expect(page.text).toContain('Bản nháp');
    expect(page.text).toContain('Phiên bản 2');
    expect(page.text).toContain('>Kích hoạt</button>');
  });

  it('refuses a pass mark above the total and an incomplete rule, in Vietnamese; a used version is read-only', async () => {
    await reviewer.get(`/citizenship/criteria/${draft}/edit`);
    const tooHigh = await reviewer.submit(`/citizenship/criteria/${draft}`, {
      title: 'Bộ tiêu chí Công dân học tập tỉnh Đắk Nông',
      passMark: '101',
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.text).toContain('Điểm đạt (101) không được lớn hơn tổng điểm các tiêu chí (100).');
    const notNumber = await reviewer.submit(`/citizenship/criteria/${draft}`, {
      title: 'X',
      passMark: 'tám mươi',
    });
    expect(notNumber.status).toBe(400);
    expect(notNumber.text).toContain('Phải là số nguyên.');

    const editItem = await reviewer.get(`/citizenship/criteria/${draft}/items/2.1/edit`);
    expect(editItem.status).toBe(200);
    expect(editItem.text).toContain('value="DIGITAL" selected');
    const noDomain = await reviewer.submit(`/citizenship/criteria/${draft}/items/2.1`, {
      groupCode: '2',
      code: '2.1',
      title: 'Biết ứng dụng công nghệ thông tin trong công việc',
      points: '10',
      evidence: 'AUTO',
      ruleType: 'DOMAIN_RECORDS',
      minRecords: '1',
    });
    expect(noDomain.status).toBe(400);
    expect(noDomain.text).toContain('Chọn lĩnh vực học tập cho quy tắc này.');

    const readOnly = await reviewer.submit(`/citizenship/criteria/${v1}`, {
      title: 'Sửa thẳng',
      passMark: '50',
    });
    expect(readOnly.status).toBe(400);
    expect(readOnly.text).toContain('không sửa được');
    expect((await db.query('SELECT pass_mark AS p FROM criteria_sets WHERE id = ?', [v1]))[0].p).toBe(70);
    expect(readOnly.text).not.toContain(`action="/citizenship/criteria/${v1}"`);
    // The version in force's form pages show the note instead of a form that would be refused.
    for (const page of ['edit', 'groups/new', 'groups/1/edit', 'items/new', 'items/2.1/edit']) {
      const res = await reviewer.get(`/citizenship/criteria/${v1}/${page}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Muốn thay đổi, hãy tạo phiên bản mới.');
      expect(res.text).not.toContain('type="submit" class="primary"');
    }
  });

  it('raises the pass mark and activates the draft, retiring version 1 and recording who', async () => {
    await reviewer.get(`/citizenship/criteria/${draft}/edit`);
    const saved = await reviewer.submit(`/citizenship/criteria/${draft}`, {
      title: 'Bộ tiêu chí Công dân học tập tỉnh Đắk Nông',
      passMark: '85',
      sourceNote: 'Hội Khuyến học tỉnh nâng điểm đạt lên 85.',
    });
    expect(saved.status).toBe(303);
    await reviewer.get(`/citizenship/criteria/${draft}`);
    const activated = await reviewer.submit(`/citizenship/criteria/${draft}/activate`, {});
    expect(activated.status).toBe(303);
    const rows = await db.query(
      "SELECT s.id AS id, s.status AS status, s.pass_mark AS passMark, s.activated_by AS activatedBy, u.username AS username FROM criteria_sets s LEFT JOIN users u ON u.id = s.activated_by WHERE s.code = 'KHVN-324' ORDER BY s.version",
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['RETIRED', 'ACTIVE']);
    expect(rows[1]).toMatchObject({ id: draft, passMark: 85, username: 'khuyenhoc.tinh' });
    const page = await reviewer.get(`/citizenship/criteria/${draft}`);
    expect(page.text).toContain('Đang áp dụng');
    expect(page.text).not.toContain('>Kích hoạt</button>');

    // The federation admin reads the criteria but does not change them.
    const admin = new Browser(app);
    await admin.login('liendoan');
    const list = await admin.get('/citizenship/criteria');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('Tạo phiên bản mới');
    expect((await admin.submit(`/citizenship/criteria/${draft}/new-version`, {})).status).toBe(403);
  });

  it('re-evaluates Tâm Phát in a batch under the new version, with a progress bar and a summary', async () => {
    const form = await reviewer.get('/citizenship/evaluation');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Toàn tỉnh');
    const [tamPhat] = await db.query("SELECT id FROM enterprises WHERE tax_code = '6400123455'");
    const started = await reviewer.submit('/citizenship/evaluation', {
      year: String(year),
      kind: 'ENTERPRISE',
      enterpriseId: String(tamPhat.id),
    });
    expect(started.status).toBe(303);
    const runPath = started.headers.location;
    expect(runPath).toMatch(/^\/citizenship\/evaluation\/runs\/\d+$/);
    await idle();
    const run = await reviewer.get(runPath);
    expect(run.text).toContain('Đã đánh giá xong.');
    const evaluated = Number(/data-count="evaluated">(\d+)</.exec(run.text)?.[1]);
    expect(evaluated).toBeGreaterThanOrEqual(6);

    const [evaluation] = await db.query(
      'SELECT criteria_set_id AS setId FROM citizenship_evaluations WHERE application_id = ?',
      [await applicationId()],
    );
    expect(evaluation.setId).toBe(draft);
    const page = await worker.get(yearPath);
    expect(page.text).toContain('(điểm đạt: 85)');

    // Another enterprise's union officer cannot evaluate Tâm Phát.
    const other = new Browser(app);
    await other.login('congdoan.dakmil');
    await other.get('/citizenship/evaluation');
    const refused = await other.submit('/citizenship/evaluation', {
      year: String(year),
      kind: 'ENTERPRISE',
      enterpriseId: String(tamPhat.id),
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Ngoài phạm vi bạn được phép đánh giá.');
  });
  /** A second worker login without an application this year, made as the demo seed makes one. */
  async function otherWorker(): Promise<Browser> {
    const users = app.get(UsersRepository);
    const [{ id: otherId }] = await db.query(
      'SELECT id FROM workers WHERE user_id IS NULL AND id NOT IN (SELECT worker_id FROM citizenship_applications WHERE year = ?) ORDER BY id LIMIT 1',
      [year],
    );
    const [{ password_hash: hash }] = await db.query(
      "SELECT password_hash FROM users WHERE username = 'nguoilaodong'",
    );
    await db.transaction(async (manager) => {
      const user = await users.create(
        {
          username: 'nguoilaodong.khac',
          displayName: 'Người lao động khác',
          email: null,
          status: UserStatus.Active,
        },
        manager,
      );
      await users.update(user.id, { passwordHash: hash }, manager);
      await users.assign(user.id, Role.Worker, ScopeType.Self, Number(otherId), manager);
      await app.get(WorkersRepository).linkUser(Number(otherId), user.id, manager);
    });
    const browser = new Browser(app);
    await browser.login('nguoilaodong.khac');
    return browser;
  }
});
