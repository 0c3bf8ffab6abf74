import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(180_000);

/**
 * The online law quiz contest, tried as people would on a 360 px phone with the demo data: a worker
 * finds the federation's open quiz, registers, starts, answers within the time limit and sees their
 * score and place; the federation then finds them in the round's ranking. Screenshots are kept
 * (test/artifacts).
 */
describe('an online law quiz contest on a phone (browser)', () => {
  let browser: BrowserSession;
  let contestUrl = '';

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

  /** Every form control on the page has a label (its own, a wrapping one, or aria-label). */
  async function everyControlLabelled(): Promise<void> {
    const unlabelled = await browser.page.evaluate<string[]>(`Array.from(
      document.querySelectorAll('main input:not([type=hidden]), main select, main textarea'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
  }

  it('lets a worker take the quiz within the time limit and see their place', async () => {
    const { page } = browser;
    await browser.login('nguoilaodong');
    await page.goto('/contests');
    await fitsThePhone();
    await browser.screenshot('contests-list-360');
    const link = page
      .locator('main a', { hasText: 'Cuộc thi trực tuyến tìm hiểu pháp luật lao động' })
      .first();
    contestUrl = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForURL(contestUrl), link.click()]);
    await page.getByText('Vòng sơ khảo').waitFor();
    await fitsThePhone();
    await everyControlLabelled();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Đăng ký tham gia' }).click(),
    ]);
    await page.getByText('Bạn đã đăng ký tham gia cuộc thi này.').waitFor();
    await browser.screenshot('contests-registered-360');

    await Promise.all([
      page.waitForURL(/\/attempt$/),
      page.getByRole('button', { name: 'Bắt đầu làm bài' }).click(),
    ]);
    await page.getByText('Hạn nộp bài').waitFor();
    await fitsThePhone();
    await everyControlLabelled();
    const questions = page.locator('fieldset.learn-question');
    expect(await questions.count()).toBe(5);
    // The first option of each question: a radio for one answer, a box for several.
    for (let i = 0; i < 5; i++) await questions.nth(i).locator('input').first().check();
    await browser.screenshot('contests-quiz-360');
    await Promise.all([page.waitForURL(contestUrl), page.getByRole('button', { name: 'Nộp bài' }).click()]);
    await page.getByText(/Đã nộp bài: \d+\/5 câu đúng\./).waitFor();
    await page.getByText('Hạng 1/1').waitFor();
    expect(await page.locator('form[action$="/start"]').count()).toBe(0);
    await fitsThePhone();
    await browser.screenshot('contests-result-360');
  });

  it('shows the worker in the round’s ranking to the federation, with files of the same rows', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('liendoan');
    await page.goto(contestUrl);
    const ranking = page.locator('a', { hasText: 'Xem xếp hạng' }).first();
    await Promise.all([page.waitForURL(/\/rounds\/\d+$/), ranking.click()]);
    const row = page.locator('table.contest-ranking tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').first().innerText()).toBe('1');
    expect(await page.locator('table.contest-ranking tbody tr').count()).toBe(1);
    await fitsThePhone();
    await browser.screenshot('contests-ranking-360');
    const csv = await page.request.get(`${page.url()}?format=csv`);
    expect(csv.status()).toBe(200);
    const name = await row.locator('td').nth(1).innerText();
    expect(await csv.text()).toContain(`1,${name}`);
  });

  it('lets the federation aim a contest at a commune on a phone; a worker elsewhere does not see it', async () => {
    const { page } = browser;
    await page.goto('/contests/new');
    await page.getByRole('group', { name: 'Dành cho xã, phường' }).waitFor();
    await fitsThePhone();
    await everyControlLabelled();
    await page.locator('select[name=kind]').selectOption({ label: 'Hội thi thợ giỏi' });
    await page.locator('input[name=title]').fill('Hội thi thợ giỏi xã Đức Lập (thử trên điện thoại)');
    await page.getByLabel('Xã Đức Lập', { exact: true }).check();
    await browser.screenshot('contests-new-communes-360');
    await Promise.all([
      page.waitForURL(/\/contests\/\d+$/),
      page.getByRole('button', { name: 'Tạo cuộc thi' }).click(),
    ]);
    expect(await page.locator('main').innerText()).toContain(
      'Liên đoàn Lao động tỉnh, cho doanh nghiệp tại: Xã Đức Lập',
    );
    await fitsThePhone();

    // The demo worker works at Tâm Phát, in Xã Cư Jút: neither this contest nor the demo movement.
    await page.context().clearCookies();
    await browser.login('nguoilaodong');
    await page.goto('/contests');
    const list = await page.locator('main').innerText();
    expect(list).toContain('Cuộc thi trực tuyến tìm hiểu pháp luật lao động');
    expect(list).not.toContain('Xã Đức Lập');
    expect(list).not.toContain('chế biến cà phê');
  });
});
