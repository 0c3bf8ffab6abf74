import { join } from 'node:path';
import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';
import { eventually } from '../support/eventually';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** This year, as the app counts it (Vietnam time). */
const YEAR = Number(vietnamInput(0).slice(0, 4));
const SESSION_TITLE = 'Tập huấn kỹ năng số: bảng tính cho công nhân';
const REVOKE_REASON = 'Bản tự đánh giá tiêu chí 2.2 không đúng thực tế.';
/** The worker's statements for the self-declared criteria of the default criteria set. */
const STATEMENTS: Record<string, string> = {
  '1.4': 'Tôi rủ vợ và hai đồng nghiệp cùng tổ học khóa Kỹ năng số cơ bản trên hoctap.',
  '2.2': 'Tôi đọc được sổ tay vận hành máy sấy bằng tiếng Anh và học thêm 15 phút mỗi tối.',
  '2.3': 'Tôi lập bảng tính theo dõi sản lượng từng ca cho tổ sấy.',
  '2.4': 'Tôi đề xuất đổi thứ tự đóng gói, tổ trưởng đã áp dụng từ tháng trước.',
  '3.1': 'Tôi hòa nhã với đồng nghiệp, cùng tổ hòa giải một vụ cãi nhau trong ca.',
  '3.2': 'Tôi kèm hai công nhân mới vận hành dây chuyền sấy trong tháng đầu.',
};

/**
 * The "done when" of the learning-citizen title, tried on a 360 px phone with the demo data and the
 * built app in its embedded default (SQLite, jobs in-process): the worker registers for this year
 * with a plan; the union officer runs a digital-skills training and the worker checks in with its QR
 * link, which the checklist then shows as evidence; the worker answers the self-declared criteria and
 * submits; the evaluation job marks the application eligible; the officer confirms, the Cư Jút branch
 * recognises; the worker downloads the certificate, whose QR address says "valid"; the branch
 * revokes the title with a reason and the same address says "revoked".
 */
describe('learning citizen on a phone (browser)', () => {
  let browser: BrowserSession;
  let reviewPath = '';
  let verifyUrl = '';

  beforeAll(async () => {
    browser = await startBrowserSession();
    // A missing element fails the step at once rather than after playwright's 30 s.
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function fitsThePhone(): Promise<void> {
    expect(await browser.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  /** Submits the form a button belongs to and waits for the page it leads to. */
  async function press(selector: string): Promise<void> {
    const { page } = browser;
    await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
  }

  async function signInAs(username: string): Promise<void> {
    await browser.page.context().clearCookies();
    await browser.login(username);
  }

  async function pageHeight(): Promise<number> {
    return browser.page.evaluate<number>('document.documentElement.scrollHeight');
  }

  /** The submit bar is on the screen as it is, without scrolling to it. */
  async function submitBarInSight(): Promise<void> {
    const box = await browser.page.locator('.citizen-submit').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
  }

  /** One criterion on the worker's checklist. */
  const criterion = (code: string) => browser.page.locator(`li.citizen-item[data-criterion="${code}"]`);

  it('lets the worker register for this year with a personal learning plan', async () => {
    const { page } = browser;
    await signInAs('nguoilaodong');
    await page.goto('/citizenship');
    await press(`a.button.primary[href="/citizenship/years/${YEAR}/plan"]`);
    await page.locator('#f-goalDIGITAL').fill('Tự lập bảng tính theo dõi sản lượng của tổ');
    await page.locator('#f-hoursDIGITAL').fill('8');
    await page.locator('#f-goalVOCATIONAL').fill('Nâng bậc thợ vận hành máy sấy');
    await page.locator('#f-hoursVOCATIONAL').fill('12,5');
    await fitsThePhone();
    await press('form.citizen-plan-form button[type="submit"]');

    expect(new URL(page.url()).pathname).toBe(`/citizenship/years/${YEAR}`);
    expect(await page.locator('.badge[data-status]').innerText()).toBe('Đã đăng ký, chưa nộp');
    expect(await criterion('1.2').getAttribute('data-state')).toBe('MET');
    // Nothing digital learned this year yet: the checklist says what is missing.
    expect(await criterion('2.1').getAttribute('data-state')).toBe('MISSING');
    expect(await criterion('2.1').locator('.citizen-missing').innerText()).toContain(
      'công nghệ thông tin, công nghệ số',
    );
    await fitsThePhone();
    await browser.screenshot('citizenship-registered-360');
  });

  it('credits a digital-skills training the worker checks in to as evidence on the checklist', async () => {
    const { page } = browser;
    await signInAs('congdoan.tamphat');
    await page.goto('/activities/new');
    await page.locator('#f-title').fill(SESSION_TITLE);
    await page.locator('#f-kind').selectOption('SKILLS_TRAINING');
    await page.locator('input[name="domains"][value="DIGITAL"]').check();
    await page.locator('#f-startsAt').fill(vietnamInput(-5));
    await page.locator('#f-endsAt').fill(vietnamInput(55));
    await page.locator('#f-place').fill('Hội trường nhà máy');
    await page.locator('#f-organiser').fill('Công đoàn cơ sở Tâm Phát');
    await page.locator('#f-hours').fill('1,5');
    await press('form.activity-form button[type="submit"]');
    const checkinUrl = await page.locator('.checkin-url code').innerText();
    expect(checkinUrl).toMatch(new RegExp(`^${browser.baseUrl}/checkin/`));

    // The worker scans the QR code on the phone and says "I am here".
    await signInAs('nguoilaodong');
    await page.goto(checkinUrl);
    await press('.checkin button.checkin-button');
    expect(await page.locator('.checkin .flash-success').count()).toBe(1);

    await page.goto(`/citizenship/years/${YEAR}`);
    expect(await criterion('2.1').getAttribute('data-state')).toBe('MET');
    expect(await criterion('2.1').locator('.citizen-records').innerText()).toContain(SESSION_TITLE);
    await fitsThePhone();
  });

  it('fits the year in about two screens, with the submit bar always in sight', async () => {
    const { page } = browser;
    await page.goto(`/citizenship/years/${YEAR}`);
    const open = await page.locator('details.citizen-group[open]').count();
    const asShown = await pageHeight();
    const collapsed = await page.evaluate<number>(`(() => {
      document.querySelectorAll('details.citizen-group').forEach((d) => { d.open = false; });
      return document.documentElement.scrollHeight;
    })()`);
    console.log(
      `year page at 360×740: ${asShown} px as shown (${open} groups open), ${collapsed} px collapsed`,
    );
    await browser.screenshot('citizenship-year-collapsed-360');
    expect(collapsed).toBeLessThanOrEqual(2 * PHONE.height);
    await page.reload();

    // Every statement is still unanswered: the bar says so, in sight without scrolling; the worker may
    // still submit (a criterion they cannot honestly claim stays unanswered).
    await submitBarInSight();
    expect(await page.locator('.citizen-submit [data-role="progress"]').innerText()).toBe('Đã trả lời 0/6');
    expect(await page.locator('.citizen-submit [data-role="why"]').innerText()).toBe(
      'Còn 6 tiêu chí tự đánh giá chưa trả lời.',
    );
    expect(await page.locator('.citizen-submit button[type="submit"]').isDisabled()).toBe(false);
    await page.mouse.wheel(0, 1500);
    await submitBarInSight();
    await fitsThePhone();
  });

  it('lets the worker answer the self-declared criteria in place, without reloading, and submit', async () => {
    const { page } = browser;
    await page.goto(`/citizenship/years/${YEAR}`);
    // A reload or navigation would lose this marker and add a navigation entry.
    await page.evaluate('window.stayedOnPage = true');
    const navigations = await page.evaluate<number>("performance.getEntriesByType('navigation').length");
    let answered = 0;
    for (const [code, statement] of Object.entries(STATEMENTS)) {
      const field = criterion(code).locator('textarea[name="statement"]');
      await field.fill(statement);
      // Typed and not saved yet: the bar waits for it.
      expect(await page.locator('.citizen-submit [data-role="why"]').innerText()).toBe(
        'Hãy lưu bản tự đánh giá đang sửa trước khi nộp.',
      );
      await criterion(code).locator('button[type="submit"]').click();
      await criterion(code).locator('.citizen-saved', { hasText: 'Đã lưu' }).waitFor();
      answered += 1;
      expect(await criterion(code).getAttribute('data-state')).toBe('DECLARED');
      expect(await criterion(code).locator('[data-role="state"]').innerText()).toBe('Chờ xác nhận');
      expect(await page.locator('.citizen-submit [data-role="progress"]').innerText()).toBe(
        `Đã trả lời ${answered}/6`,
      );
    }
    expect(await page.evaluate<boolean>('window.stayedOnPage === true')).toBe(true);
    expect(await page.evaluate<number>("performance.getEntriesByType('navigation').length")).toBe(
      navigations,
    );
    // The result follows the statements without a reload.
    expect(await page.locator('.citizen-result .badge').innerText()).toBe('Đủ điều kiện');
    expect(await page.locator('.citizen-submit [data-role="why"]').innerText()).toBe('');
    await submitBarInSight();
    await fitsThePhone();
    await page.screenshot({ path: `${ARTIFACTS}/citizenship-year-answered-360-screen.png` });
    await browser.screenshot('citizenship-checklist-360');

    // A refused statement shows the server's words next to its field, and still no reload.
    const field = criterion('2.2').locator('textarea[name="statement"]');
    // The browser keeps typing to 1000 characters; a longer statement still reaches the server.
    await page.evaluate(`document.querySelector('textarea[id="s-2.2"]').removeAttribute('maxlength')`);
    await field.fill('Tôi đọc sách tiếng Anh. '.repeat(50));
    await criterion('2.2').locator('button[type="submit"]').click();
    await criterion('2.2').locator('.error', { hasText: 'Tối đa 1000 ký tự.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate<boolean>('window.stayedOnPage === true')).toBe(true);
    await field.fill(STATEMENTS['2.2']);
    await criterion('2.2').locator('button[type="submit"]').click();
    await criterion('2.2').locator('.citizen-saved', { hasText: 'Đã lưu' }).waitFor();
    expect(await criterion('2.2').locator('.error').isHidden()).toBe(true);

    // Everything answered: on the next visit every group is folded and the page is short.
    await page.reload();
    const height = await pageHeight();
    console.log(`year page at 360×740 with every statement answered: ${height} px`);
    expect(height).toBeLessThanOrEqual(2 * PHONE.height);
    await submitBarInSight();

    await press('.citizen-submit button[type="submit"]');
    expect(await page.locator('.badge[data-status]').innerText()).toBe('Đã nộp, chờ công đoàn xác nhận');
    expect(await page.locator('.citizen-submit').count()).toBe(0);
  });

  it('has the evaluation job mark it eligible, and the union officer confirms it', async () => {
    const { page } = browser;
    await signInAs('congdoan.tamphat');
    await page.goto('/citizenship/review');
    const card = page.locator('.review-card', { hasText: STATEMENTS['1.4'] });
    reviewPath = (await card.locator('a[href^="/citizenship/review/applications/"]').getAttribute('href'))!;
    // The evaluation runs on the in-process queue shortly after the worker's last step: wait for
    // its stored result (not a live preview) to appear on the application's page.
    await untilShown(reviewPath, '#evaluation > p > .badge.ok');
    expect(await page.locator('#evaluation > p > .badge.ok').innerText()).toBe('Đủ điều kiện');
    // The training is the evidence of "IT for the job" (2.1).
    const digital = page.locator('#evaluation tr', { hasText: 'công nghệ thông tin, kỹ năng số' });
    expect(await digital.locator('.review-evidence').innerText()).toContain(SESSION_TITLE);
    await fitsThePhone();
    await browser.screenshot('citizenship-officer-360');

    await press(`form[action="${reviewPath}/confirm"] button`);
    await page.goto(reviewPath);
    expect(await page.locator('[data-role="status"]').innerText()).toBe('Công đoàn đã xác nhận');
  });

  it('lets the Cư Jút branch recognise it with a numbered certificate', async () => {
    const { page } = browser;
    await signInAs('khuyenhoc.cujut');
    await page.goto('/citizenship/review');
    expect(await page.locator(`.review-card a[href="${reviewPath}"]`).count()).toBe(1);
    await page.goto(reviewPath);
    await press(`form[action="${reviewPath}/recognise"] button`);
    expect(await page.locator('.flash-success').innerText()).toMatch(
      new RegExp(`giấy chứng nhận số CDHT-${YEAR}-\\d+-\\d{6}\\.`),
    );
    expect(await page.locator('.review-title').innerText()).toContain('Hội Khuyến học xã Cư Jút');
    await fitsThePhone();
    await browser.screenshot('citizenship-recognised-360');
  });

  it('gives the worker the certificate PDF, whose QR address says the title is valid', async () => {
    const { page } = browser;
    await signInAs('nguoilaodong');
    await page.goto('/citizenship');
    expect(await page.locator('.citizen-decision').innerText()).toContain('Chúc mừng!');
    await press('a[href="/citizenship/certificates"]');
    const pdfPath = await page
      .locator('.review-card', { hasText: String(YEAR) })
      .locator('a[href$=".pdf"]')
      .getAttribute('href');
    await fitsThePhone();
    const pdf = await page.request.get(pdfPath!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    verifyUrl = /\/URI \(([^)]+)\)/.exec(bytes.toString('latin1'))?.[1] ?? '';
    expect(verifyUrl).toMatch(new RegExp(`^${browser.baseUrl}/verify/citizens/[A-Z2-9-]+$`));

    // Anyone who scans it, signed in or not.
    await page.context().clearCookies();
    await page.goto(verifyUrl);
    expect(await page.locator('[data-role="status"]').innerText()).toContain('Còn hiệu lực');
    expect(await page.locator('[data-role="holder"]').innerText()).toContain('*');
    expect(await page.locator('main').innerText()).toContain('Hội Khuyến học xã Cư Jút');
    await fitsThePhone();
    await browser.screenshot('citizenship-verify-valid-360');
  });

  it('says "revoked" at the same address once the branch revokes the title with a reason', async () => {
    const { page } = browser;
    await signInAs('khuyenhoc.cujut');
    await page.goto(reviewPath);
    await page.locator('#f-revoke-reason').fill(REVOKE_REASON);
    await press(`form[action="${reviewPath}/revoke"] button`);
    await page.goto(reviewPath);
    expect(await page.locator('[data-role="status"]').innerText()).toBe('Đã thu hồi danh hiệu');

    await page.context().clearCookies();
    await page.goto(verifyUrl);
    expect(await page.locator('[data-role="status"]').innerText()).toContain('Đã thu hồi');
    expect(await page.locator('main').innerText()).not.toContain(REVOKE_REASON);
    await fitsThePhone();
    await browser.screenshot('citizenship-verify-revoked-360');

    // The holder reads why on their own page.
    await signInAs('nguoilaodong');
    await page.goto('/citizenship');
    expect(await page.locator('.citizen-decision').innerText()).toContain(`Lý do: ${REVOKE_REASON}`);
  });

  /** Opens a page again until an element shows (a background job's stored result). */
  async function untilShown(path: string, selector: string): Promise<void> {
    const { page } = browser;
    await eventually(
      `${selector} to show on ${path}`,
      async () => {
        await page.goto(path);
        return (await page.locator(selector).count()) > 0;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
  }
});

/** "YYYY-MM-DDTHH:mm" in Vietnam time (UTC+7, no daylight saving), `minutes` from now. */
function vietnamInput(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}
