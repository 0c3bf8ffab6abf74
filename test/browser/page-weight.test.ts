import { Browser, chromium, Cookie } from 'playwright-core';
import { BrowserSession, CHROMIUM, CHROMIUM_ARGS, PHONE, startBrowserSession } from '../support/browser';
import { DEMO_PASSWORD } from '../support/test-app';

jest.setTimeout(240_000);

/** 1 KB = 1000 bytes, the stricter reading of the budgets. */
const KB = 1000;

interface Visit {
  page: string;
  path: string;
  budgetKb: number;
  bytes: number;
  resources: { url: string; bytes: number; encoding: string }[];
}

/**
 * Bytes, not time: what a phone downloads on its first visit to the pages people open most (issue
 * 13, item 7). Each page is opened in a fresh browser context (an empty cache) and the encoded
 * bodies of every response are added up: the page, its styles, scripts and images, as sent over
 * the wire (compressed when the server compresses). Signed-in pages get the session cookie from
 * another context, so the sign-in page does not warm the cache. The table is printed every run.
 */
describe('page weight on a first visit (browser)', () => {
  let session: BrowserSession;
  let browser: Browser;
  const visits: Visit[] = [];

  beforeAll(async () => {
    session = await startBrowserSession();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // The dashboard draws its charts from a roll-up: make one, as the federation admin would.
    const { page } = session;
    await session.login('liendoan');
    await page.goto('/indicators');
    await Promise.all([
      page.waitForURL(/\/indicators\/rollups\/\d+$/),
      page.getByRole('button', { name: 'Làm mới số liệu' }).click(),
    ]);
    await page.getByText('Đã tổng hợp xong.').waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    if (visits.length > 0) console.log(weightTable(visits));
    await browser?.close();
    await session?.close();
  });

  async function cookiesOf(username: string): Promise<Cookie[]> {
    const context = await browser.newContext({ baseURL: session.baseUrl });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([
      // Workers land on their learning page, everyone else on the home page.
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form.stack button[type="submit"]').click(),
    ]);
    const cookies = await context.cookies();
    await context.close();
    return cookies;
  }

  async function firstVisit(
    name: string,
    path: string,
    budgetKb: number,
    cookies: Cookie[] = [],
  ): Promise<Visit> {
    const context = await browser.newContext({
      baseURL: session.baseUrl,
      viewport: PHONE,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const responses: import('playwright-core').Response[] = [];
    page.on('response', (response) => responses.push(response));
    const answer = await page.goto(path, { waitUntil: 'networkidle' });
    expect(answer?.status()).toBe(200);
    const resources = await Promise.all(
      responses.map(async (r) => ({
        url: new URL(r.url()).pathname,
        bytes: (await r.request().sizes()).responseBodySize,
        encoding: (await r.allHeaders())['content-encoding'] ?? '',
      })),
    );
    await context.close();
    const visit = {
      page: name,
      path,
      budgetKb,
      bytes: resources.reduce((s, r) => s + r.bytes, 0),
      resources,
    };
    visits.push(visit);
    return visit;
  }

  function expectWithinBudget(visit: Visit): void {
    const detail = visit.resources.map((r) => `${r.url} ${r.bytes} B ${r.encoding}`).join('\n');
    if (visit.bytes > visit.budgetKb * KB) throw new Error(`${visit.page} is ${visit.bytes} B:\n${detail}`);
    expect(visit.bytes).toBeLessThanOrEqual(visit.budgetKb * KB);
  }

  it('keeps the catalogue within 60 KB', async () => {
    expectWithinBudget(await firstVisit('catalogue', '/courses', 60));
  });

  it('keeps a lesson within 60 KB', async () => {
    const worker = await cookiesOf('nguoilaodong');
    expectWithinBudget(await firstVisit('lesson', await firstLessonAs(worker), 60, worker));
  });

  it('keeps the worker’s learning page within 60 KB', async () => {
    expectWithinBudget(await firstVisit('learning', '/learn', 60, await cookiesOf('nguoilaodong')));
  });

  it('keeps the dashboard with its charts within 150 KB', async () => {
    const visit = await firstVisit('dashboard', '/indicators', 150, await cookiesOf('liendoan'));
    expect(visit.resources.some((r) => r.url.includes('chart'))).toBe(true);
    expectWithinBudget(visit);
  });

  /** The first lesson of the catalogue's first course, as a worker's course page links it. */
  async function firstLessonAs(cookies: Cookie[]): Promise<string> {
    const context = await browser.newContext({ baseURL: session.baseUrl });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto('/courses');
    const course = await page.locator('.learn-card h2 a').first().getAttribute('href');
    await page.goto(course!);
    const href = await page.locator('a[href*="/lessons/"]').first().getAttribute('href');
    await context.close();
    return href!;
  }
});

function weightTable(visits: Visit[]): string {
  const rows = visits.map((v) => [
    v.page,
    v.path,
    (v.bytes / KB).toFixed(1),
    String(v.budgetKb),
    String(v.resources.length),
    [...new Set(v.resources.map((r) => r.encoding || 'none'))].join('/'),
    v.bytes <= v.budgetKb * KB ? 'ok' : 'OVER',
  ]);
  const header = ['page', 'path', 'KB', 'budget KB', 'responses', 'encodings', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [
    'Page weight, first visit (encoded bodies of all responses):',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
