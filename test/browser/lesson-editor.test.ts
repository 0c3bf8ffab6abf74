import { sanitizeLessonHtml } from '../../src/catalog/lesson-content';
import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';
import { samples } from '../support/sample-files';

jest.setTimeout(180_000);

/**
 * The lesson editor (issue 13, item 1) as a teacher uses it on a 360 px phone: an institution editor
 * writes a lesson with the toolbar (heading, list, table, bold, link, quotation), saves it, then
 * uploads an image into it and saves again. What the editor writes must be what the server's
 * sanitiser keeps, and the app's CSP must refuse nothing the editor does.
 */
describe('the lesson editor (browser)', () => {
  let browser: BrowserSession;
  const problems: string[] = [];
  let courseId = '';

  beforeAll(async () => {
    browser = await startBrowserSession();
    const { page } = browser;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Reported as a console error too; listening here also catches what a console filter would hide.
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  const editorSurface = () => browser.page.locator('.lesson-editor-content');
  const button = (name: string) => browser.page.getByRole('button', { name, exact: true });

  /** Whether two HTML fragments parse to the same nodes (attribute order and `<br />` aside). */
  async function sameHtml(a: string, b: string): Promise<boolean> {
    const parse = (html: string) =>
      `(() => { const t = document.createElement('template'); t.innerHTML = ${JSON.stringify(html)}; return t.content; })()`;
    return browser.page.evaluate<boolean>(`${parse(a)}.isEqualNode(${parse(b)})`);
  }

  /** The textarea the editor writes into, and the sanitiser keeps it as it is. */
  async function editorHtmlSurvivesSanitiser(): Promise<string> {
    const html = await browser.page.locator('#f-bodyHtml').inputValue();
    const clean = sanitizeLessonHtml(html) ?? '';
    expect({ html, same: await sameHtml(html, clean) }).toEqual({ html, same: true });
    return html;
  }

  async function save(): Promise<void> {
    const { page } = browser;
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.catalog-form button[type="submit"]').click(),
    ]);
  }

  it('writes headings, lists, a table, a link and a quotation that the sanitiser keeps', async () => {
    const { page } = browser;
    await browser.login('truong.caodang');
    await page.goto('/catalog/courses/new');
    await page.locator('#f-title').fill('An toàn điện trong xưởng');
    await page.locator('#f-summary').fill('Những việc cần làm trước khi sửa máy.');
    await page.locator('#f-estimatedHours').fill('1');
    await page.locator('input[name="domains"]').first().check();
    await Promise.all([page.waitForNavigation(), page.locator('form.stack button[type="submit"]').click()]);
    courseId = /\/catalog\/courses\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(courseId).not.toBe('');

    await page.goto(`/catalog/courses/${courseId}/lessons/new`);
    // The editor replaces the textarea; its toolbar speaks Vietnamese.
    await expect(page.locator('#f-bodyHtml').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('toolbar', { name: 'Định dạng nội dung' }).isVisible()).resolves.toBe(true);
    await page.locator('#f-title').fill('Trước khi sửa máy');

    await editorSurface().click();
    await button('Tiêu đề lớn').click();
    expect(await button('Tiêu đề lớn').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('Ngắt điện an toàn');
    await page.keyboard.press('Enter');
    expect(await button('Tiêu đề lớn').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type('Làm theo ');
    await button('In đậm').click();
    expect(await button('In đậm').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('đúng thứ tự');
    await button('In đậm').click();
    await page.keyboard.type(':');
    await page.keyboard.press('Enter');
    await button('Danh sách đánh số').click();
    await page.keyboard.type('Báo tổ trưởng');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ngắt cầu dao và treo biển');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await button('Danh sách dấu chấm').click();
    await page.keyboard.type('Găng tay cách điện');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await button('Tiêu đề vừa').click();
    await page.keyboard.type('Dụng cụ');
    await page.keyboard.press('Enter');
    await button('Chèn bảng').click();
    expect(await button('Thêm hàng').isEnabled()).toBe(true);
    for (const cell of ['Dụng cụ', 'Số lượng', 'Ghi chú', 'Bút thử điện', '1', 'Kiểm tra pin']) {
      await page.keyboard.type(cell);
      await page.keyboard.press('Tab');
    }
    const table = editorSurface().locator('table');
    // The cursor is in the last (empty) row: add one after it, then delete the row it is in.
    await button('Thêm hàng').click();
    expect(await table.locator('tr').count()).toBe(4);
    await button('Xóa hàng').click();
    expect(await table.locator('tr').count()).toBe(3);
    await button('Thêm cột').click();
    expect(await table.locator('tr').first().locator('th').count()).toBe(4);
    await table.locator('tr').last().locator('td').nth(1).click(); // the new, empty column
    await button('Xóa cột').click();
    expect(await table.locator('tr').first().locator('th').count()).toBe(3);
    // Leave the table: to the paragraph after it.
    await editorSurface().locator('> p').last().click();
    await button('Trích dẫn').click();
    await page.keyboard.type('An toàn là trên hết.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await button('Tiêu đề nhỏ').click();
    await page.keyboard.type('Xem thêm');
    await page.keyboard.press('Enter');
    page.once('dialog', (dialog) => void dialog.accept('https://example.vn/an-toan'));
    await button('Liên kết').click();
    await page.keyboard.type(' (tài liệu) ');
    await button('In nghiêng').click();
    await page.keyboard.type('nghiêng');
    await button('In nghiêng').click();
    await button('Gạch chân').click();
    await page.keyboard.type('gạch chân');

    const html = await editorHtmlSurvivesSanitiser();
    for (const part of [
      '<h2>',
      '<h3>',
      '<h4>',
      '<ol>',
      '<ul>',
      '<table>',
      '<th',
      '<blockquote>',
      '<strong>',
      '<em>',
      '<u>',
      'href="https://example.vn/an-toan"',
    ])
      expect(html).toContain(part);

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await browser.screenshot('lesson-editor-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await browser.screenshot('lesson-editor-desktop');
    await page.setViewportSize(PHONE);

    await save();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/catalog/courses/${courseId}/lessons/\\d+$`));
    const preview = page.locator('.catalog-preview .catalog-body');
    for (const selector of [
      'h2',
      'h3',
      'h4',
      'ol li',
      'ul li',
      'table th',
      'table td',
      'blockquote',
      'a[href="https://example.vn/an-toan"]',
    ])
      expect(await preview.locator(selector).count()).toBeGreaterThan(0);
    expect(await preview.locator('h2').textContent()).toBe('Ngắt điện an toàn');
    // Nothing typed right after a toolbar button is lost.
    expect(await preview.locator('blockquote').textContent()).toBe('An toàn là trên hết.');
    expect(await preview.locator('table').textContent()).toBe(
      'Dụng cụSố lượngGhi chúBút thử điện1Kiểm tra pin',
    );
    expect(await preview.locator('h4 + p').textContent()).toBe(
      'https://example.vn/an-toan (tài liệu) nghiênggạch chân',
    );
    expect(await preview.locator('h4 + p a').textContent()).toBe('https://example.vn/an-toan');
    expect(await preview.locator('em').textContent()).toBe('nghiêng');
    expect(await preview.locator('u').textContent()).toBe('gạch chân');
    // Opened again, the editor shows what was saved and writes it back unchanged.
    expect(await sameHtml(await page.locator('#f-bodyHtml').inputValue(), html)).toBe(true);
  });

  it('uploads an image into the lesson and saves it', async () => {
    const { page } = browser;
    expect(courseId).not.toBe('');
    await editorSurface().locator('h2').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    page.once('dialog', (dialog) => void dialog.accept('Cầu dao đã ngắt'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button('Chèn ảnh').click()]);
    await chooser.setFiles({ name: 'cau-dao.png', mimeType: 'image/png', buffer: samples.png() });
    await page.locator('.lesson-editor-status', { hasText: 'Đã chèn ảnh.' }).waitFor();
    const img = editorSurface().locator('img');
    expect(await img.getAttribute('alt')).toBe('Cầu dao đã ngắt');
    const src = await img.getAttribute('src');
    expect(src).toMatch(/^\/catalog\/files\/\d+$/);
    await editorHtmlSurvivesSanitiser();

    await save();
    const saved = page.locator(`.catalog-preview .catalog-body img[src="${src}"]`);
    expect(await saved.getAttribute('alt')).toBe('Cầu dao đã ngắt');
    // The image is one of the lesson's files, and it loads.
    expect(await page.locator(`#files a[href="${src}"]`).count()).toBe(1);
    expect((await page.request.get(src!)).headers()['content-type']).toBe('image/png');
  });

  it('refuses nothing under the CSP and logs no error', () => {
    expect(problems).toEqual([]);
  });
});
