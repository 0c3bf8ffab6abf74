import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeLessonHtml } from './lesson-content';

/**
 * What the lesson editor (client/lesson-editor.js) writes for each block its toolbar makes, as
 * Chromium serialises it (copied from the editor; test/browser/lesson-editor.test.ts checks the live
 * output the same way). The sanitiser must keep each one as it is: only the spelling of a void tag
 * (`<br>` / `<br />`) and the order of attributes may differ.
 */
const EDITOR_OUTPUT: Record<string, string> = {
  paragraph: '<p>Làm theo đúng thứ tự &amp; “cẩn thận” &lt;3 "ngay"</p>',
  headings: '<h2>Ngắt điện an toàn</h2><h3>Dụng cụ</h3><h4>Xem thêm</h4>',
  marks:
    '<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch chân</u> <strong><em><u>cả ba</u></em></strong></p>',
  'line break': '<p>Dòng một<br>Dòng hai</p>',
  'bulleted list':
    '<ul><li><p>Găng tay cách điện</p></li><li><p>Ủng cao su</p><ul><li><p>cỡ 40</p></li></ul></li></ul>',
  'numbered list': '<ol><li><p>Báo tổ trưởng</p></li><li><p>Ngắt cầu dao và treo biển</p></li></ol>',
  quotation: '<blockquote><p>An toàn là trên hết.</p></blockquote>',
  link:
    '<p><a rel="noopener noreferrer" href="https://example.vn/an-toan?a=1&amp;b=2">tài liệu</a>, ' +
    '<a rel="noopener noreferrer" href="http://example.vn">http</a>, ' +
    '<a rel="noopener noreferrer" href="mailto:daotao@cd.edu.vn">thư</a></p>',
  table:
    '<table><tbody><tr><th colspan="1" rowspan="1"><p>Dụng cụ</p></th><th colspan="1" rowspan="1"><p>Số lượng</p></th></tr>' +
    '<tr><td colspan="1" rowspan="1"><p>Bút thử điện</p></td><td colspan="1" rowspan="1"><p></p></td></tr></tbody></table>',
  image: '<img src="/catalog/files/12" alt="Cầu dao &amp; &quot;công tắc&quot;">',
  'image without a description': '<img src="/catalog/files/7" alt="">',
  video:
    '<video controls="" preload="metadata" src="/catalog/files/31" title="Cách ngắt cầu dao &amp; treo biển"></video>',
  'video without a caption': '<video controls="" preload="metadata" src="/catalog/files/32"></video>',
  'empty paragraph at the end': '<h2>Tiêu đề</h2><p></p>',
};

/**
 * The same HTML with `<x />` written `<x>`, each tag's attributes in one order and a bare boolean
 * attribute (`controls`) written as the browser does (`controls=""`).
 */
function canonical(html: string): string {
  return html.replace(
    /<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/g,
    (_tag, name: string, attrs: string) => {
      const sorted = (attrs.match(/[a-z-]+(="[^"]*")?/g) ?? [])
        .map((a) => (a.includes('=') ? a : `${a}=""`))
        .sort();
      return `<${[name, ...sorted].join(' ')}>`;
    },
  );
}

describe('the lesson editor’s HTML through sanitizeLessonHtml', () => {
  it.each(Object.entries(EDITOR_OUTPUT))('keeps %s unchanged', (_block, html) => {
    expect(canonical(sanitizeLessonHtml(html)!)).toBe(canonical(html));
  });

  it('would notice a change (the comparison is not blind)', () => {
    expect(canonical(sanitizeLessonHtml('<p style="color:red">x</p>')!)).not.toBe(
      canonical('<p style="color:red">x</p>'),
    );
    expect(canonical('<img alt="a" src="/b" />')).toBe(canonical('<img src="/b" alt="a">'));
  });
});

describe('where the lesson editor loads', () => {
  it('is named by the lesson form alone, so no other page downloads it', () => {
    const views = join(__dirname, '..', '..', 'views');
    const naming = (readdirSync(views, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.hbs'))
      .filter((file) => readFileSync(join(views, file), 'utf8').includes('lesson-editor'))
      .map((file) => file.replace(/\\/g, '/'));
    expect(naming).toEqual(['catalog/courses/lesson.hbs']);
  });
});
