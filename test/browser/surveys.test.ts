import ExcelJS from 'exceljs';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { BrowserSession, PHONE, startBrowserSession } from '../support/browser';

jest.setTimeout(300_000);

const TITLE = 'Khảo sát nhu cầu học tập – thử trên điện thoại';

/**
 * Issue 15's first "done when", as people do it on 360 px phones: the federation opens a survey
 * for two enterprises; the officers print codes; ten workers answer (the demo worker signed in,
 * nine with codes); the results page shows the aggregate with a chart and its XLSX holds the same
 * numbers; the worker cannot answer twice; an officer sees the rate and no single answer.
 * Screenshots in test/artifacts.
 */
describe('learning-needs survey on phones (browser)', () => {
  let browser: BrowserSession;
  let surveyPath = '';
  const codes: string[] = [];
  const today = todayInVietnam();

  beforeAll(async () => {
    browser = await startBrowserSession();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const noSideScroll = async () =>
    expect(await browser.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );

  const signOut = () => browser.page.context().clearCookies();

  it('lets the federation build the survey, aim it at two enterprises and publish it', async () => {
    const { page } = browser;
    await browser.login('liendoan');
    await page.goto('/surveys/new');
    await page.getByLabel('Tên khảo sát').fill(TITLE);
    await page.getByLabel('Ngày mở').fill(today);
    await page.getByLabel('Ngày kết thúc').fill(addDays(today, 14));
    await Promise.all([
      page.waitForURL(/\/surveys\/\d+$/),
      page.getByRole('button', { name: 'Tạo khảo sát' }).click(),
    ]);
    surveyPath = new URL(page.url()).pathname;

    const add = async (kind: string, text: string, choices = '', low = '', high = '') => {
      await page.getByLabel('Loại câu hỏi').selectOption(kind);
      await page.getByLabel('Nội dung câu hỏi').fill(text);
      if (choices) await page.getByLabel('Các phương án trả lời').fill(choices);
      if (low) await page.getByLabel('Nhãn mức 1').fill(low);
      if (high) await page.getByLabel('Nhãn mức 5').fill(high);
      await Promise.all([
        page.waitForURL(`**${surveyPath}*`),
        page.getByRole('button', { name: 'Thêm câu hỏi' }).click(),
      ]);
    };
    await add('SINGLE', 'Hình thức học nào phù hợp nhất?', 'Trực tuyến\nTập trung\nKết hợp');
    await add('MULTIPLE', 'Muốn học thêm lĩnh vực nào?', 'Pháp luật\nKỹ năng nghề\nTin học');
    await add('SCALE', 'Thời gian dành cho học mỗi tuần?', '', 'Rất ít', 'Nhiều');
    expect(await page.locator('.survey-question').count()).toBe(3);
    // Every question is required unless ticked otherwise, and the form starts empty again.
    expect(await page.locator('.survey-question', { hasText: 'không bắt buộc' }).count()).toBe(0);
    expect(await page.getByLabel('Các phương án trả lời').inputValue()).toBe('');

    await page.getByLabel(/Tâm Phát/).check();
    await page.getByLabel(/Đắk Mil Xanh/).check();
    await Promise.all([
      page.waitForURL(`**${surveyPath}*`),
      page.getByRole('button', { name: 'Lưu nơi khảo sát' }).click(),
    ]);
    await browser.screenshot('surveys-builder-360');
    await noSideScroll();
    await Promise.all([
      page.waitForURL(`**${surveyPath}`),
      page.getByRole('button', { name: 'Công bố khảo sát' }).click(),
    ]);
    expect(await page.locator('main').innerText()).toContain('Đã công bố khảo sát tới 2 doanh nghiệp.');
    await signOut();
  });

  async function printCodes(officer: string, count: number): Promise<void> {
    const { page } = browser;
    await browser.login(officer);
    await page.goto(surveyPath);
    await page.getByLabel('Số mã cần phát').fill(String(count));
    await Promise.all([
      page.waitForURL(`**${surveyPath}/codes`),
      page.getByRole('button', { name: 'Tạo mã để in' }).click(),
    ]);
    const printed = await page.locator('.survey-code-value').allInnerTexts();
    expect(printed).toHaveLength(count);
    codes.push(...printed);
    await signOut();
  }

  it('lets each officer print codes for workers without an account', async () => {
    await printCodes('congdoan.tamphat', 7);
    await printCodes('congdoan.dakmil', 2);
  });

  const answer = async (n: number) => {
    const { page } = browser;
    await page
      .locator('fieldset')
      .nth(0)
      .getByRole('radio')
      .nth(n % 3)
      .check();
    await page
      .locator('fieldset')
      .nth(1)
      .getByRole('checkbox')
      .nth(n % 3)
      .check();
    await page
      .locator('fieldset')
      .nth(2)
      .getByRole('radio')
      .nth(n % 5)
      .check();
  };

  it('lets the worker answer once, signed in, on a phone', async () => {
    const { page } = browser;
    await browser.login('nguoilaodong');
    await page.goto('/surveys/mine');
    const card = page.locator('.survey-card', { hasText: TITLE });
    await Promise.all([
      page.waitForURL('**/answer'),
      card.getByRole('link', { name: 'Trả lời khảo sát' }).click(),
    ]);
    await noSideScroll();
    // Sending with a required question left out says which, and keeps what was chosen.
    await page.locator('fieldset').nth(0).getByRole('radio').nth(0).check();
    // The server checks too: the browser's own check is switched off to send the form as it is.
    await page.evaluate("document.querySelector('main form.stack').noValidate = true");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Gửi câu trả lời' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.locator('.error').first().waitFor();
    expect(await page.locator('main').innerText()).toContain('Vui lòng trả lời câu hỏi này.');
    expect(await page.locator('fieldset').nth(0).getByRole('radio').nth(0).isChecked()).toBe(true);
    await answer(0);
    await browser.screenshot('surveys-answer-360');
    await Promise.all([
      page.waitForURL('**/surveys/mine'),
      page.getByRole('button', { name: 'Gửi câu trả lời' }).click(),
    ]);
    expect(await card.innerText()).toContain('Bạn đã trả lời khảo sát này');
    // Opening the form again: no second answer.
    await page.goto(`${surveyPath}/answer`);
    expect(await page.locator('main').innerText()).toContain('Bạn đã trả lời khảo sát này');
    expect(await page.getByRole('button', { name: 'Gửi câu trả lời' }).count()).toBe(0);
    await signOut();
  });

  it('takes nine answers with codes, each on its own phone', async () => {
    const { page } = browser;
    for (let i = 0; i < codes.length; i++) {
      await page.goto('/survey-code');
      await page.getByLabel('Mã trả lời').fill(codes[i]);
      await Promise.all([
        page.waitForURL('**/survey-code/answer'),
        page.getByRole('button', { name: 'Tiếp tục' }).click(),
      ]);
      if (i === 0) await browser.screenshot('surveys-answer-by-code-360');
      await answer(i + 1);
      await Promise.all([
        page.waitForURL('**/survey-code/thanks'),
        page.getByRole('button', { name: 'Gửi câu trả lời' }).click(),
      ]);
      await signOut();
    }
    // A used code is refused.
    await page.goto('/survey-code');
    await page.getByLabel('Mã trả lời').fill(codes[0]);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(await page.locator('main').innerText()).toContain('Mã này đã được dùng.');
  });

  it('shows the officer the rate and the aggregate, never a single answer', async () => {
    const { page } = browser;
    await browser.login('congdoan.tamphat');
    await page.goto(surveyPath);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/8 \/ \d+ người lao động đã trả lời/);
    expect(text).not.toContain('Đắk Mil Xanh');
    expect(text).toContain('chỉ hiển thị sau khi khảo sát kết thúc');
    await browser.screenshot('surveys-officer-360');
    await noSideScroll();
    await signOut();
    await browser.login('congdoan.dakmil');
    await page.goto(surveyPath);
    // While the survey is open no officer sees an aggregate, whatever the count.
    expect(await page.locator('main').innerText()).toContain(
      'Kết quả tổng hợp của doanh nghiệp chỉ hiển thị sau khi khảo sát kết thúc và có từ 5 người trả lời trở lên',
    );
    await signOut();
  });

  it('shows the federation the aggregate with a chart, and the XLSX holds the same numbers', async () => {
    const { page } = browser;
    await browser.login('liendoan');
    await page.goto(`${surveyPath}/results`);
    expect(await page.locator('main').innerText()).toContain('Số người trả lời: 10');
    // Chart.js drew the first question's bars.
    await page.waitForFunction(
      `!!window.Chart && !!window.Chart.getChart(document.querySelector('canvas[data-chart]'))`,
    );
    await browser.screenshot('surveys-results-360');
    await noSideScroll();
    const table = page.locator('.survey-result').first().locator('table tbody tr');
    const onPage = await table.evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent, r.querySelectorAll('td')[0].textContent]),
    );
    // answer(n) picks n % 3 for n = 0..9: 4, 3, 3.
    expect(onPage).toEqual([
      ['Trực tuyến', '4'],
      ['Tập trung', '3'],
      ['Kết hợp', '3'],
    ]);
    const file = await page.request.get(`${surveyPath}/results?format=xlsx`);
    expect(file.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.body()) as unknown as ExcelJS.Buffer);
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).slice(1);
    const first = rows.filter((r) => r[2] === 1).map((r) => [r[5], String(r[6])]);
    expect(first).toEqual(onPage);
  });

  it('shows the officer their enterprise’s aggregate once the federation has ended the survey', async () => {
    const { page } = browser;
    await page.goto(surveyPath);
    await page.getByRole('button', { name: 'Kết thúc khảo sát ngay' }).click();
    await page.waitForURL(`**${surveyPath}`);
    expect(await page.locator('main').innerText()).toContain('Đã kết thúc khảo sát.');
    await signOut();
    await browser.login('congdoan.tamphat');
    await page.goto(surveyPath);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('chỉ hiển thị sau khi khảo sát kết thúc');
    expect(text).toContain('Hình thức học nào phù hợp nhất?');
    await browser.screenshot('surveys-officer-ended-360');
    await noSideScroll();
    await signOut();
  });
});
