import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(120_000);

/**
 * The federation admin on a 360 px phone: refreshes the figures (a roll-up of today), then reads
 * the province dashboard — five charts drawn by Chart.js from the app's own files, each with its
 * table — and drills down, as the province is after the 2025 reform, to a new commune and an
 * enterprise in it.
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

  it('drills down after the 2025 reform: the province, a new commune, an enterprise in it', async () => {
    const { page } = browser;
    await page.goto('/indicators');
    // Today's figures are by the new tree, for the plan's territory: the former Đắk Nông.
    expect(await page.locator('h1').textContent()).toBe('Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ');
    const units = page.locator('table[data-table="orgs"] a[href*="/indicators/units/"]');
    const names = (await units.allTextContents()).map((n) => n.trim());
    expect(names.length).toBeGreaterThan(0);
    // No district sits between the province and the communes any more.
    expect(names.filter((n) => !/^(Xã|Phường|Đặc khu) /.test(n))).toEqual([]);
    await browser.screenshot('dashboard-after-reform-province-360');

    const commune = units.first();
    const communeName = (await commune.textContent())?.trim() ?? '';
    await Promise.all([page.waitForURL(/\/indicators\/units\/\d+/), commune.click()]);
    expect(await page.locator('h1').textContent()).toBe(communeName);
    expect(await page.locator('.ind-trail').textContent()).toContain(
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
    );
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await browser.screenshot('dashboard-after-reform-commune-360');

    const enterprise = page.locator('table[data-table="orgs"] a[href*="/indicators/enterprises/"]').first();
    const enterpriseName = (await enterprise.textContent())?.trim() ?? '';
    await Promise.all([page.waitForURL(/\/indicators\/enterprises\/\d+/), enterprise.click()]);
    expect(await page.locator('h1').textContent()).toBe(enterpriseName);
    expect(await page.locator('.ind-trail').textContent()).toContain(communeName);
    expect(await page.locator('canvas[data-chart]').count()).toBe(5);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await browser.screenshot('dashboard-after-reform-enterprise-360');
  });
});
