import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';
import { eventually } from '../support/eventually';
import { rosterLines, writeRosterXlsx } from '../support/workers-factory';

jest.setTimeout(120_000);

/**
 * A union officer on a 360 px phone imports a roster: the upload, the live progress bar, the
 * counts and the per-row error report in Vietnamese, then the same file again changing nothing.
 */
describe('importing a roster on a phone (browser)', () => {
  let browser: BrowserSession;
  let file: string;
  const good = 3000;

  beforeAll(async () => {
    browser = await startBrowserSession();
    const lines = rosterLines(good, 'BR');
    const bad = [
      { ...lines[0], 'Số CCCD': '12345', 'Mã nhân viên': 'LOI1' },
      { ...lines[1], 'Ngày sinh': '31/02/1990', 'Mã nhân viên': 'LOI2' },
      { ...lines[2], 'Họ và tên': '', 'Mã nhân viên': 'LOI3' },
    ];
    file = join(mkdtempSync(join(tmpdir(), 'hoctap-roster-')), 'danh-sach-tam-phat.xlsx');
    await writeRosterXlsx(file, [...lines, ...bad]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function upload(): Promise<void> {
    const { page } = browser;
    await page.goto('/workers/imports');
    await page.locator('input[type="file"][name="file"]').setInputFiles(file);
    await Promise.all([
      page.waitForURL(/\/workers\/imports\/\d+$/),
      page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click(),
    ]);
  }

  /**
   * The page reloads itself when the job is done (its progress bar polls the job); if it was
   * rendered before the job run existed, reload it like a person would, then wait again.
   */
  async function waitUntilFinished(): Promise<void> {
    const { page } = browser;
    await eventually(
      'the import page to show the import finished',
      async () => {
        if (await page.locator('.badge.ok, .badge.bad').count()) return true;
        if (await page.locator('.job-progress').count()) {
          await page.locator('.job-progress').first().waitFor({ state: 'detached', timeout: 90_000 });
        } else {
          await page.reload();
        }
        return false;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }

  it('shows the progress bar, then the counts and the reasons for each bad row', async () => {
    const { page } = browser;
    await browser.login('congdoan.tamphat');
    await upload();
    const bar = page.locator('.job-progress progress');
    if (await bar.count()) {
      await browser.screenshot('roster-import-progress-360');
      // Read together, from one rendering: the badge and the bar say the same.
      const said = await page.evaluate<{ badge?: string; bar?: string }>(
        `({ badge: document.querySelector('[data-import-state]')?.textContent,
            bar: document.querySelector('.job-progress [data-role="status"]')?.textContent })`,
      );
      if (said.bar !== undefined) expect(said.badge).toBe(said.bar);
    }
    await waitUntilFinished();
    await browser.screenshot('roster-import-done-360');
    expect(await page.locator('.badge.ok').count()).toBe(1);

    expect(await page.locator('[data-count="errors"]').innerText()).toBe('3');
    const report = await page.locator('table.import-errors').innerText();
    expect(report).toContain('Số CCCD');
    expect(report).toMatch(/CCCD[^\n]*không hợp lệ/);
    expect(report).toContain('Ngày sinh');
    expect(report).toContain('Họ và tên');
    expect(await page.locator('[data-count="created"]').innerText()).toBe(String(good));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    await upload();
    await waitUntilFinished();
    const { page } = browser;
    expect(await page.locator('[data-count="created"]').innerText()).toBe('0');
    expect(await page.locator('[data-count="updated"]').innerText()).toBe('0');
    expect(await page.locator('[data-count="unchanged"]').innerText()).toBe(String(good));
    await browser.screenshot('roster-import-again-360');
  });
});
