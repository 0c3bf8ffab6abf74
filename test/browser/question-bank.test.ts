import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(180_000);

/**
 * A worker takes the demo quiz drawn from a question bank on a 360 px phone: every question is a
 * fieldset with a legend, every control has a name a screen reader reads, a reload shows the same
 * questions, and the feedback marks each question with ✓/✗ words, all within the phone's width.
 */
describe('a quiz drawn from the question bank, on a phone (browser)', () => {
  let browser: BrowserSession;

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

  /** Form controls of the quiz without an accessible name (label, aria-label or aria-labelledby). */
  const UNNAMED = `(() => Array.from(document.querySelectorAll('form.learn-quiz input:not([type=hidden]), form.learn-quiz select'))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
    .map((el) => el.name))()`;

  const questionNames = () =>
    browser.page.evaluate<string[]>(
      `Array.from(document.querySelectorAll('form.learn-quiz fieldset legend')).map((l) => l.textContent.trim())`,
    );

  it('lets a worker answer matching, short-answer and choice questions, and see each marked', async () => {
    const { page } = browser;
    await browser.login('nguoilaodong');
    await page.goto('/courses');
    await page.locator('#q').fill('an toan ve sinh lao dong');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.learn-search button[type="submit"]').click(),
    ]);
    await Promise.all([page.waitForNavigation(), page.locator('.learn-card a').first().click()]);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('a[href*="/quizzes/"]', { hasText: 'Kiểm tra cuối khóa: an toàn' }).click(),
    ]);

    expect(await page.locator('form.learn-quiz fieldset.learn-question').count()).toBe(4);
    expect(await page.locator('form.learn-quiz fieldset.learn-question legend').count()).toBe(4);
    expect(await page.evaluate<string[]>(UNNAMED)).toEqual([]);
    await fitsThePhone();
    await browser.screenshot('question-bank-quiz-360');
    const drawn = await questionNames();
    await page.reload();
    expect(await questionNames()).toEqual(drawn);

    // Answer everything (right or not): the first option, the first match, a typed text.
    for (const fieldset of await page.locator('form.learn-quiz fieldset.learn-question').all()) {
      const text = fieldset.locator('input[type="text"]');
      if ((await text.count()) > 0) await text.fill('114');
      for (const select of await fieldset.locator('select').all()) await select.selectOption({ index: 1 });
      const choice = fieldset.locator('label.learn-option').first();
      if ((await choice.count()) > 0) await choice.click();
    }
    await Promise.all([page.waitForNavigation(), page.locator('.learn-submit').click()]);
    expect(await page.locator('.learn-feedback > li').count()).toBe(4);
    // Each question says right or wrong in words, not by colour alone.
    const verdicts = await page.locator('.learn-verdict').allInnerTexts();
    expect(verdicts.every((v) => /✓ Đúng|✗ Sai/.test(v))).toBe(true);
    await fitsThePhone();
    await browser.screenshot('question-bank-feedback-360');
  });
});
