import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';
import { samples } from '../support/sample-files';

jest.setTimeout(300_000);

/** 30 s of 64×48 VP8: Debian's Chromium plays WebM. */
const WEBM = readFileSync(join(__dirname, '..', 'fixtures', 'lesson-video.webm'));
const CLOCK = '[data-role="spent"]';
const COURSE = 'Hợp đồng lao động cho công nhân mới';
/** The bank: true/false questions whose answer is "Đúng", so any draw of two can be passed. */
const BANK = [
  'Người lao động được nhận bản hợp đồng lao động đã ký.',
  'Thời gian thử việc phải được ghi trong hợp đồng hoặc thỏa thuận thử việc.',
  'Người lao động có quyền đọc kỹ hợp đồng trước khi ký.',
];

/**
 * Issue 13's "done when", as the people do it on a 360 px phone: an institution editor writes a
 * lesson with the editor (heading, list, uploaded image, video) and a question bank, and publishes;
 * a union officer assigns the course to three workers with a due date; the demo worker sees it
 * first on their learning page, watches and reads with the counter moving, and passes a final quiz
 * drawn from the bank; the officer's progress page and the editor's statistics show it.
 */
describe('an assigned course from the editor to the officer (browser)', () => {
  let browser: BrowserSession;
  let courseId = '';
  let assignmentPath = '';
  let workerName = '';
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await startBrowserSession();
    browser.page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await browser.page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    browser.page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('CSP')) problems.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const button = (name: string) => browser.page.getByRole('button', { name, exact: true });
  const editorSurface = () => browser.page.locator('.lesson-editor-content');

  async function press(selector: string): Promise<void> {
    const { page } = browser;
    await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
  }

  async function fitsThePhone(): Promise<void> {
    expect(await browser.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  async function signInAs(username: string): Promise<void> {
    await browser.page.context().clearCookies();
    await browser.login(username);
  }

  /** Seconds on the lesson's clock ("Đã học 1 phút 5 giây" is 65). */
  async function clockSeconds(): Promise<number> {
    const match = /(\d+) phút (\d+) giây/.exec(await browser.page.locator(CLOCK).innerText());
    expect(match).not.toBeNull();
    return Number(match![1]) * 60 + Number(match![2]);
  }

  it('lets the editor write a lesson with a heading, a list, an image and a video, build a bank and publish', async () => {
    const { page } = browser;
    // The worker's name, as the officer will look for it in the roster.
    await signInAs('nguoilaodong');
    await page.goto('/account');
    workerName = (await page.locator('dl dd').first().innerText()).trim();
    expect(workerName).not.toBe('');

    await signInAs('truong.caodang');
    await page.goto('/catalog/courses/new');
    await page.locator('#f-title').fill(COURSE);
    await page.locator('#f-summary').fill('Đọc kỹ hợp đồng, biết quyền lợi của mình.');
    await page.locator('#f-estimatedHours').fill('1');
    await page.locator('input[name="domains"][value="LAW"]').check();
    await press('form.stack button[type="submit"]');
    courseId = /\/catalog\/courses\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(courseId).not.toBe('');

    await page.goto(`/catalog/courses/${courseId}/lessons/new`);
    await page.locator('#f-title').fill('Trước khi ký hợp đồng');
    await editorSurface().click();
    await button('Tiêu đề lớn').click();
    await page.keyboard.type('Ba điều cần xem');
    await page.keyboard.press('Enter');
    await button('Danh sách đánh số').click();
    await page.keyboard.type('Công việc và nơi làm việc');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tiền lương và ngày trả lương');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thời giờ làm việc');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Xem video rồi đọc mẫu hợp đồng.');
    // Counted time, an optional lesson: the clock shows, the course completes by its quiz.
    await page.locator('#f-completionRule').selectOption('TIME_SPENT');
    await page.locator('#f-minMinutes').fill('5');
    await page.locator('#f-required').selectOption('false');
    await press('form.catalog-form button[type="submit"]');
    const lessonPath = new URL(page.url()).pathname;
    expect(lessonPath).toMatch(new RegExp(`^/catalog/courses/${courseId}/lessons/\\d+$`));

    await editorSurface().locator('p').last().click();
    await page.keyboard.press('End');
    page.once('dialog', (dialog) => void dialog.accept('Mẫu hợp đồng lao động'));
    const [image] = await Promise.all([page.waitForEvent('filechooser'), button('Chèn ảnh').click()]);
    await image.setFiles({ name: 'mau-hop-dong.png', mimeType: 'image/png', buffer: samples.png() });
    await page.locator('.lesson-editor-status', { hasText: 'Đã chèn ảnh.' }).waitFor();
    await editorSurface().locator('p').last().click();
    await page.keyboard.press('End');
    page.once('dialog', (dialog) => void dialog.accept('Đọc hợp đồng cùng tổ trưởng'));
    const [video] = await Promise.all([page.waitForEvent('filechooser'), button('Chèn video').click()]);
    await video.setFiles({ name: 'doc-hop-dong.webm', mimeType: 'video/webm', buffer: WEBM });
    await page.locator('.lesson-editor-status', { hasText: 'Đã chèn video.' }).waitFor();
    await fitsThePhone();
    await browser.screenshot('journey-13-editor-lesson-360');
    await press('form.catalog-form button[type="submit"]');
    const preview = page.locator('.catalog-preview .catalog-body');
    expect(await preview.locator('h2').textContent()).toBe('Ba điều cần xem');
    expect(await preview.locator('ol li').count()).toBe(3);
    expect(await preview.locator('img[alt="Mẫu hợp đồng lao động"]').count()).toBe(1);
    expect(await preview.locator('video[title="Đọc hợp đồng cùng tổ trưởng"]').count()).toBe(1);

    // The course's question bank, then a final quiz that draws two of its three questions.
    for (const prompt of BANK) {
      await page.goto(`/catalog/courses/${courseId}/bank/questions/new`);
      await page.locator('#f-kind').selectOption('TRUE_FALSE');
      await page.locator('#f-prompt').fill(prompt);
      await page.locator('#f-truth').selectOption('true');
      await press('form.catalog-form button[type="submit"]');
    }
    await page.goto(`/catalog/courses/${courseId}/bank`);
    for (const prompt of BANK) expect(await page.getByText(prompt).count()).toBe(1);
    await page.goto(`/catalog/courses/${courseId}`);
    await press('#final-quiz form button[type="submit"]');
    await page.locator('#f-drawCount').fill('2');
    await page.locator('#f-passPercent').fill('100');
    await press('form.stack.narrow button[type="submit"]');
    expect(await page.locator('[data-role="draws"]').count()).toBe(1);

    await page.goto(`/catalog/courses/${courseId}`);
    await press(`form[action="/catalog/courses/${courseId}/publish"] button`);
    expect(await page.locator('.badge', { hasText: 'Đã xuất bản' }).count()).toBeGreaterThan(0);
  });

  it('lets the officer assign the course to three workers with a due date', async () => {
    const { page } = browser;
    expect(courseId).not.toBe('');
    await signInAs('congdoan.tamphat');
    // The course list of the form is searched by title, as an officer would.
    await page.goto(`/assignments/new?q=${encodeURIComponent(COURSE)}`);
    await page.locator('#f-courseId').selectOption(courseId);
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#f-dueOn').fill(due);
    await press('form.stack button[type="submit"]');
    assignmentPath = new URL(page.url()).pathname;
    expect(assignmentPath).toMatch(/^\/assignments\/\d+/);
    const id = /^\/assignments\/(\d+)/.exec(assignmentPath)![1];
    assignmentPath = `/assignments/${id}`;

    // The demo worker, found by name, and two more of the roster.
    await page.goto(`${assignmentPath}/pick?q=${encodeURIComponent(workerName)}`);
    await page.locator('input[name="workerIds"]').first().check();
    await press('form.pick-form button[type="submit"]');
    await page.goto(`${assignmentPath}/pick`);
    const free = page.locator('input[name="workerIds"]');
    await free.nth(0).check();
    await free.nth(1).check();
    await press('form.pick-form button[type="submit"]');

    await page.goto(assignmentPath);
    expect(await page.locator('table.assignment-progress tbody tr').count()).toBe(3);
    expect(await page.locator('table.assignment-progress', { hasText: workerName }).count()).toBe(1);
    await fitsThePhone();
    await browser.screenshot('journey-13-officer-assigned-360');
  });

  it('shows the worker the course first, counts the time watching and reading, and passes the drawn quiz', async () => {
    const { page } = browser;
    await signInAs('nguoilaodong');
    // A worker lands on their learning page; what they were given comes first.
    expect(new URL(page.url()).pathname).toBe('/learn');
    const firstSection = page.locator('main .learn-section').first();
    expect(await firstSection.getAttribute('id')).toBe('assigned');
    expect(await firstSection.locator('.learn-card h3').first().innerText()).toBe(COURSE);
    await fitsThePhone();
    await browser.screenshot('journey-13-worker-learn-360');

    await page.goto(`/courses/${courseId}`);
    await press('.learn-lessons a');
    const start = page.locator('.learn-cta button[type="submit"]');
    if ((await start.count()) > 0) await press('.learn-cta button[type="submit"]');
    const player = page.locator('.learn-body video[title="Đọc hợp đồng cùng tổ trưởng"]');
    expect(await player.count()).toBe(1);
    expect(await page.locator('.learn-body img[alt="Mẫu hợp đồng lao động"]').count()).toBe(1);
    const before = await clockSeconds();
    await page.evaluate(
      "(() => { const v = document.querySelector('.learn-body video'); v.muted = true; return v.play(); })()",
    );
    await page.waitForFunction(
      ([selector, floor]) => {
        const text =
          (globalThis as unknown as PageWindow).document.querySelector(selector)?.textContent ?? '';
        const m = /(\d+) phút (\d+) giây/.exec(text);
        return !!m && Number(m[1]) * 60 + Number(m[2]) >= floor + 3;
      },
      [CLOCK, before] as const,
      { timeout: 20_000 },
    );
    expect(await clockSeconds()).toBeGreaterThanOrEqual(before + 3);
    await fitsThePhone();
    await browser.screenshot('journey-13-worker-lesson-360');

    // The final quiz: two questions drawn from the bank, all true.
    await page.goto(`/courses/${courseId}`);
    await press('a[href*="/quizzes/"]');
    const questions = page.locator('form.learn-quiz fieldset.learn-question');
    expect(await questions.count()).toBe(2);
    for (const legend of await questions.locator('legend').allInnerTexts())
      expect(BANK.some((prompt) => legend.includes(prompt))).toBe(true);
    for (const question of await questions.all())
      await question.locator('label.learn-option', { hasText: 'Đúng' }).click();
    await fitsThePhone();
    await browser.screenshot('journey-13-worker-quiz-360');
    await press('.learn-submit');
    const verdicts = await page.locator('.learn-verdict').allInnerTexts();
    expect(verdicts).toHaveLength(2);
    expect(verdicts.every((v) => v.includes('✓'))).toBe(true);
    // The course is complete: 100 % and a certificate.
    await page.goto(`/courses/${courseId}`);
    expect(await page.locator('.learn-progress progress').getAttribute('value')).toBe('100');
    expect(await page.locator('a[href^="/learn/certificates/"]').count()).toBe(1);
  });

  it('shows it done on the officer’s progress page and in the editor’s statistics', async () => {
    const { page } = browser;
    await signInAs('congdoan.tamphat');
    await page.goto(`${assignmentPath}?status=DONE`);
    const done = page.locator('table.assignment-progress tbody tr.status-DONE');
    expect(await done.count()).toBe(1);
    expect(await done.innerText()).toContain(workerName);
    await browser.screenshot('journey-13-officer-progress-360');

    await signInAs('truong.caodang');
    await page.goto(`/catalog/courses/${courseId}/stats`);
    expect(page.url()).toContain('/stats');
    expect(await page.locator('main').innerText()).toContain(COURSE);
    // The three assigned workers are enrolled; one has completed.
    const overview = page.locator('section[data-table] table').first();
    const row = (label: string) =>
      overview.locator('tbody tr', { has: page.locator(`th:text-is("${label}")`) });
    expect(await row('Ghi danh').locator('td').first().innerText()).toBe('3');
    expect(await row('Hoàn thành').locator('td').first().innerText()).toBe('1');
    await fitsThePhone();
    await browser.screenshot('journey-13-editor-stats-360');
    expect(problems).toEqual([]);
  });
});

interface PageWindow {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}
