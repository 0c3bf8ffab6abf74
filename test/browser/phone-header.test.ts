import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';
import { DEMO_PASSWORD } from '../support/test-app';

jest.setTimeout(120_000);

interface HeaderShape {
  /** The header's height, and what it is when its tallest item holds one line of text. */
  height: number;
  oneRow: number;
  /** Items whose text breaks onto a second line, or whose text is cut off. */
  wrapped: string[];
  clipped: string[];
  /** What the header says, item by item. */
  items: string[];
}

/** Runs in the page (a string: the tests compile without the DOM's types, as scrollable-tables does). */
const MEASURE_HEADER = `(() => {
  const header = document.querySelector('header.topbar');
  const style = getComputedStyle(header);
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  const items = Array.from(header.querySelectorAll('.brand, .menu > summary, .topnav > a'));
  const oneLineHeight = (el) => {
    const box = getComputedStyle(el);
    return ['lineHeight', 'paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
      .map((name) => parseFloat(box[name]))
      .reduce((sum, n) => sum + n, 0);
  };
  // A second line is a piece of text that starts below where another ends (a badge beside the
  // text is smaller, so tops alone differ on one line too).
  const breaks = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
    const firstBottom = Math.min(...rects.map((r) => r.bottom));
    return rects.some((r) => r.top >= firstBottom - 1);
  };
  return {
    height: header.getBoundingClientRect().height,
    oneRow: Math.max(...items.map(oneLineHeight)) + padding,
    wrapped: items.filter(breaks).map((el) => el.innerText),
    clipped: items.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.innerText),
    items: items.map((el) => el.innerText.trim()),
  };
})()`;

/**
 * Issue 13, item 6: the header is one line on a 360 px phone, signed out and signed in, in
 * Vietnamese and in English. One line means the header is no taller than its tallest item (nothing
 * went below), no item's text breaks inside it, and none is cut short.
 */
describe('the header on a 360 px phone (browser)', () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await startBrowserSession();
  });

  afterAll(async () => {
    await browser?.close();
  });

  function measureHeader(): Promise<HeaderShape> {
    return browser.page.evaluate<HeaderShape>(MEASURE_HEADER);
  }

  async function expectOneLine(expected: string[]): Promise<void> {
    const shape = await measureHeader();
    expect(shape.items).toEqual(expected);
    expect(shape.wrapped).toEqual([]);
    expect(shape.clipped).toEqual([]);
    expect(shape.height).toBeLessThanOrEqual(shape.oneRow + 1);
    expect(await browser.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  it('is one line signed out, in Vietnamese and in English', async () => {
    const { page } = browser;
    await page.goto('/');
    // Kept before the checks, so a failing run leaves the picture of what went wrong.
    await browser.screenshot('header-360-signed-out');
    await expectOneLine(['Học tập suốt đời', 'Danh mục', 'Đăng nhập']);
    await page.goto('/lang/en?next=/');
    await expectOneLine(['Lifelong learning', 'Menu', 'Sign in']);
    await page.goto('/lang/vi?next=/');
  });

  it('is one line signed in, in Vietnamese and in English', async () => {
    const { page } = browser;
    await browser.login('nguoilaodong');
    await browser.screenshot('header-360-signed-in');
    await expectOneLine(['Học tập suốt đời', expect.stringMatching(/^Danh mục/)] as string[]);
    // The menu's own lines still wrap inside it: the bar's nowrap must not reach them.
    await page.locator('details.menu > summary').click();
    const menu = await page.locator('details.menu ul').boundingBox();
    expect(menu!.x).toBeGreaterThanOrEqual(0);
    expect(menu!.x + menu!.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('details.menu > summary').click();
    await page.goto('/lang/en?next=/learn');
    await expectOneLine(['Lifelong learning', expect.stringMatching(/^Menu/)] as string[]);
    await page.goto('/lang/vi?next=/');
  });

  it('says on the sign-in page that a scanned QR code is for a check-in, and leads back to it', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browser.login('congdoan.tamphat');
    await page.goto('/activities');
    await page.locator('td.activity-title a').first().click();
    const link = new URL(await page.locator('.checkin-url code').innerText());
    await page.context().clearCookies();

    await page.goto(link.pathname);
    expect(new URL(page.url()).pathname).toBe('/login');
    await browser.screenshot('login-checkin-360');
    expect(await page.locator('main .sign-in-for').innerText()).toContain(
      'Đăng nhập để xác nhận có mặt tại buổi học bạn vừa quét mã QR.',
    );
    await expectOneLine(['Học tập suốt đời', 'Danh mục', 'Đăng nhập']);
    await page.locator('input[name="username"]').fill('nguoilaodong');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form.stack button[type="submit"]').click(),
    ]);
    expect(new URL(page.url()).pathname).toBe(link.pathname);
  });
});
