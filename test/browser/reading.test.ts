import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(180_000);

/**
 * Reading, tried as people would on a 360 px phone (issue 15, item 2): the demo worker opens the
 * reading campaign, logs two books; Tâm Phát's union officer confirms one and rejects the other
 * with a reason; the confirmed book is in the worker's learning history as life skills, the
 * rejected one is not, and its reason shows on the worker's list. Screenshots in test/artifacts.
 */
describe('logging a book and having it confirmed (browser)', () => {
  let browser: BrowserSession;
  const kept = 'Sống tối giản giữa đời thường';
  const refused = 'Một cuốn sách đọc vội';

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

  /** Every form control has a label, and every table frame is a named, focusable region. */
  async function accessible(): Promise<void> {
    const unlabelled = await browser.page.evaluate<string[]>(`Array.from(
      document.querySelectorAll('main input:not([type=hidden]), main select, main textarea'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.name)`);
    expect(unlabelled).toEqual([]);
    const frames = await browser.page.evaluate<string[]>(`Array.from(document.querySelectorAll('.table-wrap'))
      .filter((el) => el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label'))
      .map((el) => el.outerHTML.slice(0, 80))`);
    expect(frames).toEqual([]);
  }

  async function press(selector: string): Promise<void> {
    const { page } = browser;
    await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
  }

  async function logBook(title: string, author: string, reflection: string): Promise<void> {
    const { page } = browser;
    await page.goto('/books/new');
    await page.locator('#f-title').fill(title);
    await page.locator('#f-author').fill(author);
    await page.locator('#f-reflection').fill(reflection);
    await press('form.stack button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/books');
  }

  it('lets the worker read the reading campaign and log two books on a phone', async () => {
    const { page } = browser;
    await browser.login('nguoilaodong');
    await page.goto('/campaigns?year=' + new Date().getFullYear());
    await fitsThePhone();
    await accessible();
    await browser.screenshot('campaigns-list-360');
    const reading = page.locator('main table a', { hasText: 'Ngày Sách và Văn hóa đọc' }).first();
    if (await reading.count()) {
      await Promise.all([page.waitForNavigation(), reading.click()]);
      await page.getByText('Việc cần làm').waitFor();
      await fitsThePhone();
      await browser.screenshot('campaign-reading-360');
    }

    // A day in the future is refused with a Vietnamese message and nothing is saved.
    await page.goto('/books/new');
    await accessible();
    await page.locator('#f-title').fill(kept);
    await page.locator('#f-author').fill('Nguyễn Văn A');
    await page.locator('#f-reflection').fill('Bớt mua sắm, dành thời gian học thêm buổi tối.');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#f-readOn').fill(tomorrow);
    await page.locator('#f-readOn').evaluate((el) => el.removeAttribute('max'));
    await press('form.stack button[type="submit"]');
    await page.getByText('Ngày đọc xong không được ở tương lai.').waitFor();
    await fitsThePhone();
    await browser.screenshot('book-form-error-360');

    await logBook(kept, 'Nguyễn Văn A', 'Bớt mua sắm, dành thời gian học thêm buổi tối.');
    await logBook(refused, 'Tác giả B', 'Hay.');
    await page.getByText('Đã ghi sách. Cán bộ công đoàn sẽ xem và xác nhận.').first().waitFor();
    expect(await page.locator('main table').innerText()).toContain(kept);
    await fitsThePhone();
    await accessible();
    await browser.screenshot('books-logged-360');
  });

  it('lets the union officer confirm one and reject the other with a reason', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('congdoan.tamphat');
    await page.goto('/books/review?status=PENDING');
    await fitsThePhone();
    await accessible();
    await browser.screenshot('book-review-360');

    const row = (title: string) => page.locator('main table tr', { hasText: title }).locator('a').first();
    await page.goto('/books/review?status=PENDING');
    await Promise.all([page.waitForNavigation(), row(kept).click()]);
    await page.getByText('Bớt mua sắm, dành thời gian học thêm buổi tối.').waitFor();
    await accessible();
    await browser.screenshot('book-decide-360');
    await page.locator('#f-hours').fill('2');
    await press('form[action$="/confirm"] button[type="submit"]');
    await page.getByText('Đã xác nhận; kết quả học tập đã được ghi.').waitFor();

    await page.goto('/books/review?status=PENDING');
    await Promise.all([page.waitForNavigation(), row(refused).click()]);
    // A rejection without a reason is refused and changes nothing.
    await page.locator('#f-reason').evaluate((el) => el.removeAttribute('required'));
    await press('form[action$="/reject"] button[type="submit"]');
    await page.locator('#e-reason').waitFor();
    await page.locator('#f-reason').fill('Cảm nhận quá ngắn, đề nghị viết rõ điều học được.');
    await press('form[action$="/reject"] button[type="submit"]');
    await page.getByText('Đã từ chối.').waitFor();
    await fitsThePhone();
    await browser.screenshot('book-review-decided-360');

    // The demo reading campaign's participation at Tâm Phát: its confirmed books of 21/4.
    await page.goto('/campaigns?year=' + new Date().getFullYear());
    const reading = page.locator('main table a', { hasText: 'Ngày Sách và Văn hóa đọc' }).first();
    if (await reading.count()) {
      await Promise.all([page.waitForNavigation(), reading.click()]);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Kết quả tham gia' }).click(),
      ]);
      await page.getByText('Tổng số người tham gia').waitFor();
      expect(await page.locator('main table').first().innerText()).toContain('Tâm Phát');
      await fitsThePhone();
      await accessible();
      await browser.screenshot('campaign-participation-360');
    }
  });

  it('shows the confirmed book in the worker’s learning history and not the rejected one', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('nguoilaodong');
    await page.goto('/learn/history');
    const history = await page.locator('main').innerText();
    expect(history).toContain(`Đọc sách: ${kept}`);
    expect(history).not.toContain(refused);
    await fitsThePhone();
    await browser.screenshot('history-with-book-360');
    await page.goto('/books');
    const books = await page.locator('main table').innerText();
    expect(books).toContain('Đã xác nhận');
    expect(books).toContain('Cảm nhận quá ngắn, đề nghị viết rõ điều học được.');
    await browser.screenshot('books-decided-360');
  });
});
