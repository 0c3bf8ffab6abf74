import { BrowserSession, startBrowserSession } from '../support/browser';

jest.setTimeout(240_000);

interface Scroller {
  what: string;
  focusable: boolean;
  role: string | null;
  name: string | null;
}

/**
 * axe's rule scrollable-region-focusable, checked in Chromium at 360 px: every element that
 * scrolls (a wide table in its frame) can be reached from the keyboard. The app goes further than
 * the rule (which is also met by a link inside): each table frame takes the focus itself and is a
 * named region, so a keyboard or screen-reader user knows what scrolls. Screenshots of each page
 * are kept (test/artifacts).
 */
const SCROLLERS = `(() => {
  const all = Array.from(document.querySelectorAll('body *'));
  return all
    .filter((el) => {
      const style = getComputedStyle(el);
      const scrollsX = /auto|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const scrollsY = /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      return scrollsX || scrollsY;
    })
    .map((el) => ({
      what: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''),
      focusable: el.tabIndex >= 0,
      role: el.getAttribute('role'),
      name: el.getAttribute('aria-label'),
    }));
})()`;

describe('tables that scroll on a phone can be reached from the keyboard (browser)', () => {
  let browser: BrowserSession;
  const checked: { page: string; scrollers: number }[] = [];

  beforeAll(async () => {
    browser = await startBrowserSession();
  });

  afterAll(async () => {
    if (checked.length) console.log(`scrollable regions checked: ${JSON.stringify(checked)}`);
    await browser?.close();
  });

  async function check(path: string, name: string): Promise<Scroller[]> {
    const { page } = browser;
    const answer = await page.goto(path);
    expect(answer?.status()).toBe(200);
    const scrollers = await page.evaluate<Scroller[]>(SCROLLERS);
    await browser.screenshot(`scrollable-${name}-360`);
    checked.push({ page: name, scrollers: scrollers.length });
    expect(scrollers.filter((s) => !s.focusable || s.role !== 'region' || !s.name?.trim())).toEqual([]);
    // Every table frame on the page, scrolling now or not, is ready to.
    const frames = await page.evaluate<
      { tabindex: string | null; role: string | null; name: string | null }[]
    >(
      `Array.from(document.querySelectorAll('.table-wrap')).map((el) => ({
        tabindex: el.getAttribute('tabindex'), role: el.getAttribute('role'), name: el.getAttribute('aria-label') }))`,
    );
    expect(frames.filter((f) => f.tabindex !== '0' || f.role !== 'region' || !f.name?.trim())).toEqual([]);
    return scrollers;
  }

  it('on the dashboard, the annual report and the mid-term review', async () => {
    const { page } = browser;
    await browser.login('liendoan');
    await page.goto('/indicators');
    await Promise.all([
      page.waitForURL(/\/indicators\/rollups\/\d+$/),
      page.getByRole('button', { name: 'Làm mới số liệu' }).click(),
    ]);
    await page.getByText('Đã tổng hợp xong.').waitFor({ timeout: 90_000 });
    // The province's tables are wider than the phone: they scroll, each in its frame.
    expect((await check('/indicators', 'dashboard')).length).toBeGreaterThan(0);
    await page.goto('/reports');
    const report = await page.locator('main table a[href^="/reports/bodies/"]').first().getAttribute('href');
    expect((await check(report!, 'report')).length).toBeGreaterThan(0);
    await check('/reports/reviews', 'midterm-review');
  });

  it('on an application under review and the learning-citizen report', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('congdoan.tamphat');
    await page.goto('/citizenship/review');
    const application = await page
      .locator('a[href^="/citizenship/review/applications/"]')
      .first()
      .getAttribute('href');
    await check(application!, 'review');
    expect((await check('/citizenship/report', 'citizenship-report')).length).toBeGreaterThan(0);
  });
});
