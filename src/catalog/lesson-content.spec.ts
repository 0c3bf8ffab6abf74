import { parseVideoUrl, sanitizeLessonHtml, videoBlock } from './lesson-content';

describe(sanitizeLessonHtml.name, () => {
  it('keeps the allowed tags and their text', () => {
    const html =
      '<h2>Quyền của người lao động</h2><p>Theo <strong>Điều 5</strong>, <em>người lao động</em> có <u>quyền</u>:</p>' +
      '<ul><li>làm việc</li></ul><ol><li>nghỉ</li></ol><blockquote>Trích dẫn</blockquote><h3>a</h3><h4>b</h4><br>' +
      '<table><caption>Giờ làm</caption><thead><tr><th scope="col">Ca</th></tr></thead><tbody><tr><td colspan="2">8 giờ</td></tr></tbody></table>';
    expect(sanitizeLessonHtml(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('removes scripts, styles and event handlers entirely', () => {
    expect(
      sanitizeLessonHtml(
        '<p onclick="steal()" style="color:red">Xin chào</p><script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe>',
      ),
    ).toBe('<p>Xin chào</p>');
    expect(sanitizeLessonHtml('<img src="https://anh.example/a.png" onerror="alert(1)">')).toBe(
      '<img src="https://anh.example/a.png" />',
    );
    expect(sanitizeLessonHtml('<svg><script>alert(1)</script></svg><p>x</p>')).toBe('<p>x</p>');
  });

  it('keeps only http, https and mailto links, opened with rel="noopener noreferrer"', () => {
    expect(sanitizeLessonHtml('<a href="https://thuvienphapluat.vn/bo-luat" target="_blank">luật</a>')).toBe(
      '<a href="https://thuvienphapluat.vn/bo-luat" rel="noopener noreferrer">luật</a>',
    );
    expect(sanitizeLessonHtml('<a href="mailto:daotao@cd.edu.vn">thư</a>')).toBe(
      '<a href="mailto:daotao@cd.edu.vn" rel="noopener noreferrer">thư</a>',
    );
    expect(sanitizeLessonHtml('<a href="javascript:alert(1)">bấm</a>')).toBe('<a>bấm</a>');
    expect(sanitizeLessonHtml('<a href=" JaVaScRiPt:alert(1)">bấm</a>')).toBe('<a>bấm</a>');
    expect(sanitizeLessonHtml('<a href="data:text/html,<script>x</script>">bấm</a>')).toBe('<a>bấm</a>');
    expect(sanitizeLessonHtml('<a href="//evil.example">bấm</a>')).toBe('<a>bấm</a>');
  });

  it('keeps images from this application’s files or https only', () => {
    expect(sanitizeLessonHtml('<img src="/catalog/files/12" alt="Sơ đồ">')).toBe(
      '<img src="/catalog/files/12" alt="Sơ đồ" />',
    );
    expect(sanitizeLessonHtml('<p><img src="http://anh.example/a.png">a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<p><img src="/admin/users">a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<p><img src="javascript:alert(1)">a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<p><img src="data:image/svg+xml;base64,PHN2Zz4=">a</p>')).toBe('<p>a</p>');
  });

  it('keeps a video of this application’s files, with controls, loading only its length', () => {
    const own = '<video controls preload="metadata" src="/catalog/files/12" title="Ngắt cầu dao"></video>';
    expect(sanitizeLessonHtml(own)).toBe(own);
    // Written by hand without controls or preload: the sanitiser gives it both.
    expect(sanitizeLessonHtml('<video src="/catalog/files/7"></video>')).toBe(
      '<video controls preload="metadata" src="/catalog/files/7"></video>',
    );
  });

  it('keeps the video block the API hands out unchanged', () => {
    expect(sanitizeLessonHtml(videoBlock(41))).toBe(videoBlock(41));
  });

  it('strips autoplay, loop, muted, poster, handlers and <source> from a video', () => {
    expect(
      sanitizeLessonHtml(
        '<video src="/catalog/files/3" autoplay loop muted onerror="steal()" onplay="x()" poster="https://e.example/p.png" style="width:1px" preload="auto"><source src="https://e.example/a.mp4"><track src="https://e.example/t.vtt"></video>',
      ),
    ).toBe('<video controls preload="metadata" src="/catalog/files/3"></video>');
  });

  it('drops a video from another host or from no file at all', () => {
    expect(sanitizeLessonHtml('<video controls src="https://video.example/a.mp4"></video><p>a</p>')).toBe(
      '<p>a</p>',
    );
    expect(sanitizeLessonHtml('<video src="//video.example/a.mp4"></video><p>a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<video src="/admin/users"></video><p>a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<video src="javascript:alert(1)"></video><p>a</p>')).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<video src="data:video/mp4;base64,AAAA"></video><p>a</p>')).toBe('<p>a</p>');
    expect(
      sanitizeLessonHtml('<video controls><source src="/catalog/files/3" type="video/mp4"></video><p>a</p>'),
    ).toBe('<p>a</p>');
    expect(sanitizeLessonHtml('<p>a</p><iframe src="https://www.youtube.com/embed/x"></iframe>')).toBe(
      '<p>a</p>',
    );
  });

  it('turns b, i and h1 into their allowed forms and drops other tags but not their text', () => {
    expect(sanitizeLessonHtml('<h1>Tiêu đề</h1><div><b>đậm</b> <i>nghiêng</i> <span>chữ</span></div>')).toBe(
      '<h2>Tiêu đề</h2><strong>đậm</strong> <em>nghiêng</em> chữ',
    );
  });

  it('gives null for an empty body', () => {
    expect(sanitizeLessonHtml('')).toBeNull();
    expect(sanitizeLessonHtml('<script>x</script>  ')).toBeNull();
    expect(sanitizeLessonHtml(undefined)).toBeNull();
  });
});

describe(parseVideoUrl.name, () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=abc',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
  ])('turns the YouTube address %s into a privacy-friendly one', (url) => {
    expect(parseVideoUrl(url)).toEqual({
      provider: 'YOUTUBE',
      url: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      watchUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
  });

  it.each(['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'])(
    'turns the Vimeo address %s into a "do not track" player',
    (url) => {
      expect(parseVideoUrl(url)).toEqual({
        provider: 'VIMEO',
        url: 'https://player.vimeo.com/video/76979871?dnt=1',
        watchUrl: 'https://player.vimeo.com/video/76979871?dnt=1',
        embedUrl: 'https://player.vimeo.com/video/76979871?dnt=1',
      });
    },
  );

  it('accepts an https .mp4 file', () => {
    expect(parseVideoUrl('https://cdn.cdcd-daknong.edu.vn/video/an-toan.MP4#t=10')).toMatchObject({
      provider: 'MP4',
      url: 'https://cdn.cdcd-daknong.edu.vn/video/an-toan.MP4',
    });
  });

  it.each([
    ['plain http', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['an mp4 over http', 'http://cdn.example/a.mp4'],
    ['another site', 'https://www.facebook.com/watch?v=123'],
    ['a YouTube channel page', 'https://www.youtube.com/@vtv24'],
    ['a malformed YouTube id', 'https://youtu.be/abc'],
    ['a look-alike host', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['credentials in the address', 'https://user:pw@cdn.example/a.mp4'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['not an address', 'xem video bài 1'],
    ['a web page', 'https://cdn.example/video.html'],
  ])('refuses %s', (_label, url) => {
    expect(parseVideoUrl(url)).toBeNull();
  });
});
