import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession, startBrowserSession } from '../support/browser';
import { samples } from '../support/sample-files';

jest.setTimeout(120_000);

/**
 * Issue 15, the third "done when", on a 360 px phone: the Tâm Phát officer nominates a worker with
 * an evidence file and, while it is pending, edits the achievement; the federation approves it (no
 * more editing); the honour roll shows it; the Đắk Mil officer gets "not found" for the nomination
 * and for its file.
 */
describe('commendations on a phone (browser)', () => {
  let browser: BrowserSession;
  let evidence: string;
  let nominationUrl = '';
  let fileUrl = '';
  let nominee = '';
  const achievement = 'Hoàn thành 6 khóa học kỹ năng số';
  const edited = 'Hoàn thành 6 khóa học kỹ năng số và hướng dẫn tổ sản xuất học theo';

  beforeAll(async () => {
    browser = await startBrowserSession();
    evidence = join(mkdtempSync(join(tmpdir(), 'hoctap-evidence-')), 'giay-chung-nhan.pdf');
    writeFileSync(evidence, samples.pdf());
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** No element sticks out to the right of a 360 px screen (tables scroll inside their region). */
  async function fitsThePhone(): Promise<void> {
    const width = await browser.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
  }

  it('the officer nominates a worker of the roster with an evidence file', async () => {
    const { page } = browser;
    await browser.login('congdoan.tamphat');
    await page.goto('/engagement/commendations/new');
    await fitsThePhone();
    const option = page.locator('select[name="workerId"] option').nth(1);
    nominee = ((await option.textContent()) ?? '').replace(/\s*\(.*\)$/, '').trim();
    await page.locator('select[name="workerId"]').selectOption((await option.getAttribute('value'))!);
    await page.locator('textarea[name="achievement"]').fill(achievement);
    await page.locator('input[type="file"][name="file"]').setInputFiles(evidence);
    await browser.screenshot('commendations-nominate-360');
    await Promise.all([
      page.waitForURL(/\/engagement\/commendations\/\d+$/),
      page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click(),
    ]);
    nominationUrl = new URL(page.url()).pathname;
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Chờ duyệt');
    fileUrl = (await page.locator('a[href*="/files/"]').first().getAttribute('href'))!;
    expect(await page.locator('a[href*="/files/"]').first().textContent()).toBe('giay-chung-nhan.pdf');
    await fitsThePhone();
    await browser.screenshot('commendations-nominated-360');
  });

  it('the officer edits the pending nomination with the same form', async () => {
    const { page } = browser;
    await Promise.all([page.waitForURL(/\/edit$/), page.locator(`a[href="${nominationUrl}/edit"]`).click()]);
    await expect(page.locator('textarea[name="achievement"]').inputValue()).resolves.toBe(achievement);
    await page.locator('textarea[name="achievement"]').fill(edited);
    await fitsThePhone();
    await browser.screenshot('commendations-edit-360');
    await Promise.all([
      page.waitForURL((url) => url.pathname === nominationUrl),
      page.locator(`form[action="${nominationUrl}"] button[type="submit"]`).click(),
    ]);
    expect(await page.locator('dd.prewrap').textContent()).toBe(edited);
  });

  it('the federation approves it and the honour roll shows it', async () => {
    const { page } = browser;
    await browser.login('liendoan');
    await page.goto(nominationUrl);
    await page.locator('input[name="decision"][value="APPROVED"]').check();
    await browser.screenshot('commendations-decide-360');
    await Promise.all([
      page.waitForURL((url) => url.pathname === nominationUrl),
      page.locator(`form[action="${nominationUrl}/decision"] button[type="submit"]`).click(),
    ]);
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Đã duyệt');
    await browser.login('congdoan.tamphat');
    await page.goto(nominationUrl);
    expect(await page.locator(`a[href="${nominationUrl}/edit"]`).count()).toBe(0);
    await page.goto('/engagement/honour-roll');
    const row = page.locator('table tbody tr', { hasText: edited });
    await expect(row.locator('th').textContent()).resolves.toBe(nominee);
    await fitsThePhone();
    await browser.screenshot('commendations-honour-roll-360');
  });

  it('another enterprise’s officer gets "not found" for the nomination and its file', async () => {
    const { page } = browser;
    await browser.login('congdoan.dakmil');
    const nomination = await page.goto(nominationUrl);
    expect(nomination?.status()).toBe(404);
    const file = await page.request.get(fileUrl);
    expect(file.status()).toBe(404);
    await page.goto('/engagement/honour-roll');
    expect(await page.locator('table tbody').textContent()).toContain(nominee);
  });
});
