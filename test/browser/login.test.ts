import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(120_000);

/** A federation admin on a 360 px phone: sign in, find their pages, switch language, sign out. */
describe('signing in on a phone (browser)', () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await startBrowserSession();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, opens the menu to the account page, switches to English and signs out', async () => {
    const { page } = browser;
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng nhập');
    await browser.screenshot('login-360');

    await browser.login('liendoan');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('main').innerText()).toContain('Xin chào, Nguyễn Thị Lan (LĐLĐ tỉnh)!');
    // Readable at 360 px: nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await browser.screenshot('home-360');

    await page.locator('details.menu > summary').click();
    const account = page.locator('details.menu').getByRole('link', { name: 'Tài khoản', exact: true });
    expect(await account.isVisible()).toBe(true);
    await Promise.all([page.waitForURL('**/account'), account.click()]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tài khoản của tôi');

    await Promise.all([page.waitForURL('**/account'), page.getByRole('link', { name: 'English' }).click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('My account');

    await page.locator('details.menu > summary').click();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.locator('details.menu').getByRole('button', { name: 'Sign out', exact: true }).click(),
    ]);
    expect(await page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).not.toContain('Hello');
    await page.goto('/account');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
