import { readFileSync } from 'node:fs';
import { BrowserSession, startBrowserSession } from '../support/browser';

jest.setTimeout(600_000);

/** axe-core's own build, run in the page by the DevTools protocol (the app's CSP forbids inline scripts). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

interface Checked {
  role: string;
  page: string;
  serious: number;
  critical: number;
  other: number;
  /** The rules of the moderate and minor violations, to follow up. */
  rules: string;
}

/**
 * The done-when: axe finds no serious or critical violation on the pages of every role.
 * Each demo login signs in and visits its main pages (home, lists, a detail page, a form) at
 * 360 px; axe-core runs on each, a table of counts per page is printed, and any serious or
 * critical violation fails the role's test with the rule, its help and the elements it names.
 */
describe('axe finds no serious or critical violation on the pages of every role (browser)', () => {
  let browser: BrowserSession;
  const checked: Checked[] = [];

  beforeAll(async () => {
    browser = await startBrowserSession();
  });

  afterAll(async () => {
    if (checked.length) {
      const rows = checked.map(
        (c) =>
          `${c.role.padEnd(21)} ${c.page.padEnd(58)} ${String(c.serious).padStart(7)} ${String(c.critical).padStart(8)} ${String(c.other).padStart(15)} ${c.rules}`,
      );
      console.log(
        [`${'role'.padEnd(21)} ${'page'.padEnd(58)} serious critical moderate+minor (rules)`, ...rows].join(
          '\n',
        ),
      );
    }
    await browser?.close();
  });

  /** Runs axe on the page at `path` and returns its serious and critical violations, as text. */
  async function audit(role: string, path: string): Promise<string[]> {
    const { page } = browser;
    await page.goto(path);
    await page.evaluate(AXE_SOURCE);
    const { violations, passed } = await page.evaluate<{ violations: Violation[]; passed: number }>(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => ({ violations: r.violations, passed: r.passes.length }))`,
    );
    // axe ran its rules on a real page (a blank or failed page passes almost nothing).
    expect(passed).toBeGreaterThan(5);
    const count = (impacts: string[]) =>
      violations.filter((v) => impacts.includes(v.impact ?? 'minor')).reduce((n, v) => n + v.nodes.length, 0);
    checked.push({
      role,
      page: path,
      serious: count(['serious']),
      critical: count(['critical']),
      other: count(['moderate', 'minor']),
      rules: violations
        .filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
        .map((v) => v.id)
        .join(' '),
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  }

  /** The first link, on the first of the pages that has one, whose address matches; fails when none has. */
  async function firstLink(paths: string | string[], pattern: RegExp): Promise<string> {
    const { page } = browser;
    for (const path of Array.isArray(paths) ? paths : [paths]) {
      await page.goto(path);
      const hrefs = await page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const found = hrefs.find((h) => pattern.test(h));
      if (found) return found;
    }
    throw new Error(`no link matching ${pattern} on ${String(paths)}`);
  }

  /** The first link matching `pattern` on any of the pages the links on `path` matching `via` lead to. */
  async function linkBehind(path: string, via: RegExp, pattern: RegExp): Promise<string> {
    const { page } = browser;
    await page.goto(path);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return firstLink([...new Set(hrefs.filter((h) => via.test(h)))], pattern);
  }

  /** Signs in as `username` (a fresh session) and audits each page; the pages are paths or finders. */
  async function auditRole(
    role: string,
    username: string | null,
    pages: (string | (() => Promise<string>))[],
  ): Promise<void> {
    await browser.page.context().clearCookies();
    if (username) await browser.login(username);
    const problems: string[] = [];
    for (const p of pages) problems.push(...(await audit(role, typeof p === 'string' ? p : await p())));
    expect(problems).toEqual([]);
  }

  it('notices a violation when there is one (the harness itself)', async () => {
    const { page } = browser;
    await page.goto('/login');
    await page.evaluate(AXE_SOURCE);
    // An image with no text alternative and an unnamed button, added to the page's DOM.
    const ids = await page.evaluate<string[]>(`(() => {
      const img = document.createElement('img');
      img.src = '/favicon.ico';
      const button = document.createElement('button');
      document.querySelector('main').append(img, button);
      return axe.run(document, { resultTypes: ['violations'] }).then((r) =>
        r.violations.filter((v) => v.impact === 'critical').map((v) => v.id));
    })()`);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
  });

  it('signed out: sign-in and the public verify pages', async () => {
    await auditRole('signed out', null, [
      '/login',
      '/activate',
      '/verify/courses/KHONGCO',
      '/verify/citizens/KHONGCO',
      '/survey-code',
    ]);
  });

  it('worker', async () => {
    const year = new Date().getFullYear();
    await auditRole('worker', 'nguoilaodong', [
      '/learn',
      '/learn/history',
      '/courses',
      () => firstLink('/courses', /^\/courses\/\d+$/),
      () => linkBehind('/courses', /^\/courses\/\d+$/, /^\/learn\/courses\/\d+\/lessons\/\d+$/),
      () => linkBehind('/courses', /^\/courses\/\d+$/, /^\/learn\/courses\/\d+\/quizzes\/\d+$/),
      '/citizenship',
      `/citizenship/years/${year}`,
      '/privacy',
      '/notices',
      '/account',
      '/surveys/mine',
      '/campaigns',
      () => firstLink('/campaigns', /^\/campaigns\/\d+$/),
      '/books',
      '/books/new',
      '/contests',
      () => firstLink('/contests', /^\/contests\/\d+$/),
      '/engagement/honour-roll',
      '/engagement/models',
    ]);
  });

  /**
   * The officer confirms the first application waiting for them, so that it reaches the
   * association's queue for the reviewer's pages; then the officer's queue is audited again.
   */
  async function confirmAnApplication(): Promise<string> {
    const { page } = browser;
    const application = await firstLink(
      '/citizenship/review?queue=officer',
      /^\/citizenship\/review\/applications\/\d+$/,
    );
    await page.goto(application);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form[action$="/confirm"] button[type="submit"]').first().click(),
    ]);
    return '/citizenship/review?queue=officer';
  }

  it('union officer', async () => {
    await auditRole('union officer', 'congdoan.tamphat', [
      '/',
      '/workers',
      () => firstLink('/workers', /^\/workers\/\d+$/),
      '/workers/new',
      '/workers/imports',
      '/activities',
      '/activities/new',
      '/assignments',
      '/assignments/new',
      '/indicators',
      '/citizenship/review',
      () => firstLink('/citizenship/review?queue=officer', /^\/citizenship\/review\/applications\/\d+$/),
      confirmAnApplication,
      '/territory-assignments',
      '/surveys',
      '/campaigns',
      '/books/review',
      '/contests',
      '/contests/new',
      '/engagement/commendations',
      '/engagement/commendations/new',
      '/engagement/models/new',
      '/engagement/support',
    ]);
  });

  it('institution editor', async () => {
    await auditRole('institution editor', 'truong.caodang', [
      '/',
      '/catalog/courses',
      '/catalog/courses/new',
      () => firstLink('/catalog/courses', /^\/catalog\/courses\/\d+$/),
      async () => `${await firstLink('/catalog/courses', /^\/catalog\/courses\/\d+$/)}/edit`,
      () =>
        linkBehind(
          '/catalog/courses',
          /^\/catalog\/courses\/\d+$/,
          /^\/catalog\/courses\/\d+\/lessons\/\d+$/,
        ),
      () =>
        linkBehind(
          '/catalog/courses',
          /^\/catalog\/courses\/\d+$/,
          /^\/catalog\/courses\/\d+\/quizzes\/\d+$/,
        ),
      async () => `${await firstLink('/catalog/courses', /^\/catalog\/courses\/\d+$/)}/stats`,
      '/catalog/materials',
      '/catalog/materials/new',
    ]);
  });

  it('association reviewer', async () => {
    await auditRole('association reviewer', 'khuyenhoc.tinh', [
      '/',
      '/citizenship/review',
      () =>
        firstLink(
          ['eligible', 'ineligible', 'recognised'].map((tab) => `/citizenship/review?tab=${tab}`),
          /^\/citizenship\/review\/applications\/\d+$/,
        ),
      '/citizenship/criteria',
      () => firstLink('/citizenship/criteria', /^\/citizenship\/criteria\/\d+$/),
      '/citizenship/report',
    ]);
  });

  let given = '';
  /** Gives the first course to the first unit listed (the province) once, through the form; its page. */
  async function giveToTheProvince(): Promise<string> {
    if (given) return given;
    const { page } = browser;
    await page.goto('/territory-assignments/new');
    await Promise.all([
      page.waitForURL(/\/territory-assignments\/\d+$/),
      page.locator('form.stack button[type="submit"]').click(),
    ]);
    given = new URL(page.url()).pathname;
    return given;
  }

  it('federation admin', async () => {
    await auditRole('federation admin', 'liendoan', [
      '/',
      '/indicators',
      '/indicators/plans',
      '/reports',
      () => firstLink('/reports', /^\/reports\/bodies\/\d+\/years\/\d+$/),
      '/reports/reviews',
      '/organisations/enterprises',
      () => firstLink('/organisations/enterprises', /^\/organisations\/enterprises\/\d+$/),
      async () =>
        `${await firstLink('/organisations/enterprises', /^\/organisations\/enterprises\/\d+$/)}/edit`,
      '/organisations/units',
      '/organisations/enterprises/imports',
      '/admin/users',
      '/admin/users/new',
      '/history',
      '/assignments',
      '/territory-assignments',
      '/territory-assignments/new',
      giveToTheProvince,
      async () => firstLink(await giveToTheProvince(), /^\/territory-assignments\/\d+\/enterprises\/\d+$/),
      '/surveys',
      '/surveys/new',
      () => firstLink('/surveys', /^\/surveys\/\d+$/),
      async () => `${await firstLink('/surveys', /^\/surveys\/\d+$/)}/results`,
      '/campaigns',
      '/campaigns/new',
      () => firstLink('/campaigns', /^\/campaigns\/\d+$/),
      '/contests',
      '/contests/new',
      () => firstLink('/contests', /^\/contests\/\d+$/),
      '/engagement/commendations',
      '/engagement/honour-roll',
      '/engagement/models',
      '/engagement/support',
    ]);
  });

  it('department viewer', async () => {
    await auditRole('department viewer', 'so.gddt', [
      '/',
      '/indicators',
      '/reports',
      '/surveys',
      '/campaigns',
      '/engagement/support',
    ]);
  });

  it('system admin', async () => {
    await auditRole('system admin', 'admin', ['/', '/admin/users', '/admin/audit', '/account']);
  });
});
