import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(180_000);

/** The live count of time read on a lesson's page. */
const CLOCK = '[data-role="spent"]';

/**
 * The "done when" of online learning, tried as people would on a 360 px phone: an institution
 * editor publishes a course with two lessons and a final quiz through the authoring pages; a worker
 * finds it by typing without diacritics, fails then passes the quiz, sees 100% and the record in
 * their history, downloads the certificate and opens the address its QR code holds, which says
 * the certificate is valid.
 */
describe('learning a course on a phone (browser)', () => {
  let browser: BrowserSession;
  const title = 'Kỹ năng số cho công nhân ca đêm';
  let courseUrl = '';

  beforeAll(async () => {
    browser = await startBrowserSession();
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

  async function addLesson(
    courseId: string,
    lessonTitle: string,
    body: string,
    minutes?: number,
  ): Promise<void> {
    const { page } = browser;
    await page.goto(`/catalog/courses/${courseId}/lessons/new`);
    await page.locator('#f-title').fill(lessonTitle);
    // The lesson text is written in the editor: the text is pasted as HTML, as a teacher pastes
    // from a document (ProseMirror reads the clipboard's HTML).
    await page.locator('.lesson-editor-content').click();
    await page.evaluate(pasteHtml(body));
    expect(await page.locator('#f-bodyHtml').inputValue()).toBe(body);
    await page.locator('#f-completionRule').selectOption(minutes ? 'TIME_SPENT' : 'OPENED');
    if (minutes) await page.locator('#f-minMinutes').fill(String(minutes));
    await page.locator('#f-required').selectOption('true');
    await press('form.catalog-form button[type="submit"]');
  }

  async function addQuestion(
    kind: 'SINGLE' | 'MULTIPLE',
    prompt: string,
    options: [string, boolean][],
    explanation: string,
  ): Promise<void> {
    const { page } = browser;
    await page.locator('a[href$="/questions/new"]').click();
    await page.waitForURL(/\/questions\/new$/);
    await page.locator('#f-kind').selectOption(kind);
    await page.locator('#f-prompt').fill(prompt);
    for (const [i, [label, correct]] of options.entries()) {
      await page.locator(`#f-option-${i}`).fill(label);
      if (correct) await page.locator(`input[name="correct"][value="${i}"]`).check();
    }
    await page.locator('#f-explanation').fill(explanation);
    await press('form.catalog-form button[type="submit"]');
  }

  it('lets an institution editor publish a course with two lessons and a quiz', async () => {
    const { page } = browser;
    await browser.login('truong.caodang');
    await page.goto('/catalog/courses/new');
    await page.locator('#f-title').fill(title);
    await page.locator('#f-summary').fill('Dùng điện thoại an toàn: mật khẩu, tin nhắn lừa đảo.');
    await page.locator('#f-estimatedHours').fill('2');
    await page.locator('input[name="domains"][value="DIGITAL"]').check();
    await press('form.stack button[type="submit"]');
    const courseId = /\/catalog\/courses\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1];
    expect(courseId).toBeDefined();

    await addLesson(
      courseId!,
      'Mật khẩu an toàn',
      '<p>Dùng <strong>mật khẩu dài</strong> và không chia sẻ mã OTP.</p>',
    );
    await addLesson(
      courseId!,
      'Nhận biết tin nhắn lừa đảo',
      '<p>Kẻ gian hay <em>hối thúc</em> và đòi mã OTP.</p>',
    );

    await page.goto(`/catalog/courses/${courseId}`);
    await press('#final-quiz form button[type="submit"]');
    await addQuestion(
      'SINGLE',
      'Mật khẩu nào an toàn nhất?',
      [
        ['123456', false],
        ['Hoa@Sen2025!dai', true],
      ],
      'Mật khẩu dài, có chữ, số và ký tự đặc biệt thì khó đoán.',
    );
    await addQuestion(
      'MULTIPLE',
      'Dấu hiệu nào cho thấy tin nhắn lừa đảo?',
      [
        ['Hối thúc chuyển tiền gấp', true],
        ['Gửi từ tổng đài chính thức', false],
        ['Đòi mã OTP', true],
      ],
      'Kẻ lừa đảo thường hối thúc và đòi mã OTP.',
    );

    await page.goto(`/catalog/courses/${courseId}`);
    await press(`form[action="/catalog/courses/${courseId}/publish"] button`);
    expect(await page.locator('.badge.ok').count()).toBeGreaterThan(0);
    courseUrl = `/courses/${courseId}`;
    await page.context().clearCookies();
  });

  it('lets a worker find it without diacritics, complete it, and check the certificate', async () => {
    const { page } = browser;
    expect(courseUrl).not.toBe('');
    await browser.login('nguoilaodong');

    await page.goto('/courses');
    await page.locator('#q').fill('ky nang so cho cong nhan');
    await press('form.learn-search button[type="submit"]');
    await page.locator(`.learn-card a[href="${courseUrl}"]`).waitFor();
    await fitsThePhone();
    await browser.screenshot('learning-catalog-360');

    await press(`.learn-card a[href="${courseUrl}"]`);
    // The first lesson's link, before enrolling: the lesson offers "Bắt đầu học" (opening a page
    // enrols nobody), and pressing it comes back to this lesson.
    await press('.learn-lessons a');
    expect(await page.locator('.learn-body').count()).toBe(0);
    expect(await page.locator('.learn-cta button[type="submit"]').innerText()).toBe('Bắt đầu học');
    await fitsThePhone();
    await browser.screenshot('learning-lesson-enrol-360');
    await press('.learn-cta button[type="submit"]');
    expect(await page.locator('h1').innerText()).toBe('Mật khẩu an toàn');
    expect(await page.locator('.learn-body strong').innerText()).toBe('mật khẩu dài');
    await fitsThePhone();
    await browser.screenshot('learning-lesson-360');
    // Going on records the lesson as read.
    await press('.learn-pager button[type="submit"]');
    expect(await page.locator('h1').innerText()).toBe('Nhận biết tin nhắn lừa đảo');
    expect(await page.locator('.learn-progress [data-role="percent"]').innerText()).toBe('Hoàn thành 33%');
    await press('.learn-pager button[type="submit"]');

    // A wrong attempt first: feedback question by question.
    await page.locator('label.learn-option', { hasText: '123456' }).click();
    await page.locator('label.learn-option', { hasText: 'Hối thúc chuyển tiền gấp' }).click();
    await press('.learn-submit');
    expect(await page.locator('.learn-result .badge').innerText()).toBe('Chưa đạt');
    expect(await page.locator('.learn-feedback .badge.bad').count()).toBe(2);
    expect(await page.locator('.learn-explanation').first().innerText()).toContain('Giải thích');
    // The wrong single choice is red and says so; the right choice in the half-right question is
    // only "your choice" (the right options are given once passed), in the text's colour, not red.
    const wrongChoice = page.locator('.learn-answers li', { hasText: '123456' });
    expect(await wrongChoice.innerText()).toContain('✗ Bạn chọn sai');
    expect(await colourOf(wrongChoice)).toBe(RED);
    const halfRight = page.locator('.learn-answers li', { hasText: 'Hối thúc chuyển tiền gấp' });
    expect(await halfRight.innerText()).toContain('Bạn đã chọn');
    expect(await colourOf(halfRight)).toBe(TEXT);
    expect(await page.locator('[data-role="answers-hidden"]').innerText()).toContain('Đáp án đúng sẽ hiện');
    await fitsThePhone();
    await browser.screenshot('learning-quiz-feedback-360');

    await press('a[href$="/quizzes/' + (await quizId()) + '"]');
    await page.locator('label.learn-option', { hasText: 'Hoa@Sen2025!dai' }).click();
    await page.locator('label.learn-option', { hasText: 'Hối thúc chuyển tiền gấp' }).click();
    await page.locator('label.learn-option', { hasText: 'Đòi mã OTP' }).click();
    await press('.learn-submit');
    expect(await page.locator('.learn-result .badge').innerText()).toBe('Đạt');
    const otp = page.locator('.learn-answers li', { hasText: 'Đòi mã OTP' });
    expect(await otp.innerText()).toContain('✓ Bạn chọn đúng');
    expect(await colourOf(otp)).toBe(GREEN);
    expect(await page.locator('.learn-answers li.wrong').count()).toBe(0);
    await fitsThePhone();
    await browser.screenshot('learning-quiz-passed-360');

    await page.goto(courseUrl);
    expect(await page.locator('.learn-progress [data-role="percent"]').innerText()).toBe('Hoàn thành 100%');
    expect(await page.locator('.learn-lessons li.done').count()).toBe(3);
    await fitsThePhone();
    await browser.screenshot('learning-course-100-360');

    await page.goto('/learn/history');
    const records = page.locator('.learn-record', { hasText: title });
    expect(await records.count()).toBe(1);
    expect(await records.innerText()).toContain('Khóa học trực tuyến');
    await fitsThePhone();

    // The certificate: a PDF whose QR code and printed link hold the public check's address.
    const pdfPath = await records.locator('a[href$=".pdf"]').getAttribute('href');
    const pdf = await page.request.get(pdfPath!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const verifyUrl = /\/URI \(([^)]+)\)/.exec(bytes.toString('latin1'))?.[1];
    expect(verifyUrl).toBe(`${browser.baseUrl}/verify/courses/${/([A-Z0-9-]+)\.pdf$/.exec(pdfPath!)![1]}`);

    await page.context().clearCookies();
    await page.goto(verifyUrl!);
    expect(await page.locator('.learn-verified-mark').innerText()).toContain('Hợp lệ');
    expect(await page.locator('main').innerText()).toContain(title);
    expect(await page.locator('[data-role="holder"]').innerText()).toContain('*');
    await fitsThePhone();
    await browser.screenshot('learning-verify-360');
  });

  it('shows the time read live, counting only while the page is visible, and keeps it when hidden', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('truong.caodang');
    await page.goto('/catalog/courses/new');
    await page.locator('#f-title').fill('Đọc hiểu hợp đồng lao động');
    await page.locator('#f-summary').fill('Những điều cần biết trước khi ký hợp đồng.');
    await page.locator('#f-estimatedHours').fill('1');
    await page.locator('input[name="domains"][value="LAW"]').check();
    await press('form.stack button[type="submit"]');
    const courseId = /\/catalog\/courses\/(\d+)$/.exec(new URL(page.url()).pathname)![1];
    await addLesson(courseId, 'Thời giờ làm việc', '<p>Không quá <strong>8 giờ</strong> một ngày.</p>', 5);
    await page.goto(`/catalog/courses/${courseId}`);
    await press(`form[action="/catalog/courses/${courseId}/publish"] button`);
    await page.context().clearCookies();

    await browser.login('nguoilaodong');
    await page.goto(`/courses/${courseId}`);
    await press('.learn-lessons a');
    await press('.learn-cta button[type="submit"]');
    const clock = page.locator(CLOCK);
    expect(await clock.innerText()).toBe('Đã học 0 phút 0 giây');
    // It moves each second the page is visible.
    await clock.filter({ hasText: /^Đã học 0 phút [3-9] giây$/ }).waitFor({ timeout: 10_000 });
    await fitsThePhone();
    await browser.screenshot('learning-lesson-timer-360');

    // Hidden (another app, a locked phone): what is not reported yet goes at once as a beacon with
    // its CSRF token in the body, and the count stops.
    const beacon = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/heartbeat'));
    await setVisibility('hidden');
    const sent = await beacon;
    const body = new URLSearchParams(sent.postData() ?? '');
    expect(body.get('_csrf')).toMatch(/^[0-9a-f]{128}$/);
    expect((await sent.response())?.status()).toBe(200);
    const beaconSeconds = Number(body.get('seconds'));
    expect(beaconSeconds).toBeGreaterThanOrEqual(3);
    const whenHidden = await clock.innerText();
    // Nothing to wait on here but the clock itself: three seconds hidden must not move it.
    await page.waitForTimeout(3_000);
    expect(await clock.innerText()).toBe(whenHidden);

    await setVisibility('visible');
    await page.waitForFunction(
      // Runs in the page: the selector comes as an argument.
      ([selector, before]) =>
        (globalThis as unknown as PageWindow).document.querySelector(selector)!.textContent !== before,
      [CLOCK, whenHidden],
      { timeout: 5_000 },
    );
    // The server credited the beacon: the page drawn again starts from at least that.
    await page.reload();
    const credited = Number(await page.locator('#lesson-timer').getAttribute('data-spent'));
    expect(credited).toBeGreaterThanOrEqual(beaconSeconds);
    expect(credited).toBeLessThan(60);
  });

  /** Stands in for the tab being hidden or shown again, as the browser would tell the page. */
  async function setVisibility(state: 'hidden' | 'visible'): Promise<void> {
    // A string: these tests are compiled without the DOM's types.
    await browser.page.evaluate(`
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' });
      document.dispatchEvent(new Event('visibilitychange'));
    `);
  }

  /** What the checks use of the page's window (these tests are compiled without the DOM's types). */
  interface PageWindow {
    document: { querySelector(selector: string): { textContent: string } | null };
    getComputedStyle(element: unknown): { color: string };
  }

  /** The theme's --fg, --ok and --bad (public/css/app.css) as the browser computes them. */
  const TEXT = 'rgb(27, 31, 36)';
  const GREEN = 'rgb(30, 123, 52)';
  const RED = 'rgb(179, 38, 30)';

  async function colourOf(locator: ReturnType<BrowserSession['page']['locator']>): Promise<string> {
    return locator.evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).color);
  }

  /** The final quiz's id, from the feedback page's address. */
  async function quizId(): Promise<string> {
    return /\/quizzes\/(\d+)\/attempts\//.exec(browser.page.url())![1];
  }
});

/** A script for the page: pastes `html` into the lesson editor as the clipboard's HTML. */
function pasteHtml(html: string): string {
  return `(() => {
    const target = document.querySelector('.lesson-editor-content');
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    data.setData('text/plain', ${JSON.stringify(html.replace(/<[^>]+>/g, ''))});
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`;
}
