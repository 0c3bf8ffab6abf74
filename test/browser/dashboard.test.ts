import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(120_000);

/**
 * The federation admin on a 360 px phone: refreshes the figures (a roll-up of today), then reads
 * the province dashboard — five charts drawn by Chart.js from the app's own files, each with its
 * table — and drills down to an enterprise.
 */
describe('indicators dashboard on a phone (browser)', () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await startBrowserSession();
    await browser.login('liendoan');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('rolls up today’s figures from the dashboard and waits for the job to finish', async () => {
    const { page } = browser;
    await page.goto('/indicators');
    await Promise.all([
      page.waitForURL(/\/indicators\/rollups\/\d+$/),
      page.getByRole('button', { name: 'Làm mới số liệu' }).click(),
    ]);
    // The progress page reloads itself when the job is done, and then says so.
    await page.getByText('Đã tổng hợp xong.').waitFor({ timeout: 90_000 });
    expect(await page.locator('.flash-error').count()).toBe(0);
  });

  it('draws the five charts beside their tables, readable at 360 px', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/indicators');
    await page.locator('canvas[data-chart]').first().waitFor();
    const canvases = page.locator('canvas[data-chart]');
    expect(await canvases.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      // The test's TypeScript has no DOM types: the canvas is read as a plain object.
      type Canvas = { width: number; height: number; style: { width: string } };
      const size = await canvases
        .nth(i)
        .evaluate((c) => ({ w: (c as Canvas).width, h: (c as Canvas).height }));
      expect(size.w).toBeGreaterThan(0);
      expect(size.h).toBeGreaterThan(0);
      // Chart.js has taken the canvas (it sets its display size).
      expect(await canvases.nth(i).evaluate((c) => (c as Canvas).style.width)).not.toBe('');
    }
    expect(await page.locator('table.ind-chart-table').count()).toBe(5);
    // The page itself never scrolls sideways; wide tables scroll inside their frame.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(errors).toEqual([]);
    await browser.screenshot('dashboard-province-360');
  });

  it('drills down to an enterprise', async () => {
    const { page } = browser;
    const link = page.locator('table[data-table="orgs"] a').first();
    const name = (await link.textContent())?.trim() ?? '';
    await Promise.all([page.waitForURL(/\/indicators\/(units|enterprises)\/\d+/), link.click()]);
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(await page.locator('canvas[data-chart]').count()).toBe(5);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await browser.screenshot('dashboard-drilldown-360');
  });
});
