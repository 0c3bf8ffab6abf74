import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RemoteImageError, RemoteImages } from '../../src/catalog/remote-images';
import { samples } from '../support/sample-files';
import { Browser, createTestApp } from '../support/test-app';

/** The hosts of the test: one serves a PNG, one a web page, the rest are unreachable. */
class FakeRemoteImages extends RemoteImages {
  readonly asked: string[] = [];
  override async fetch(url: string): Promise<Buffer> {
    this.asked.push(url);
    if (url.startsWith('https://anh.example.vn/')) return samples.png();
    if (url.startsWith('https://trang.example.vn/'))
      return Buffer.from('<!doctype html><p>không phải ảnh</p>');
    throw new RemoteImageError('network');
  }
}

/**
 * An image a lesson links from another host is fetched when the lesson is saved and kept as the
 * lesson's own file, so workers load it from hoctap (whose CSP allows its own images only); one
 * that cannot be fetched, or is no image, stops the save with the address and the reason.
 */
describe('lesson images from other hosts (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let editor: Browser;
  let courseId: number;
  const remote = new FakeRemoteImages();

  beforeAll(async () => {
    app = await createTestApp({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(RemoteImages).useValue(remote),
    });
    db = app.get(DataSource);
    editor = new Browser(app);
    await editor.login('truong.caodang');
    await editor.get('/catalog/courses/new');
    const res = await editor.submit('/catalog/courses', {
      title: 'Ảnh trong bài học',
      summary: 'Bài học có ảnh.',
      level: 'BEGINNER',
      estimatedHours: '1',
      language: 'vi',
      licence: 'CC-BY-4.0',
      domains: 'DIGITAL',
    });
    expect(res.status).toBe(303);
    courseId = Number(/\/catalog\/courses\/(\d+)$/.exec(res.headers.location)?.[1]);
  });

  afterAll(async () => {
    await app.close();
  });

  const lessonRows = async () => Number((await db.query('SELECT COUNT(*) AS n FROM lessons'))[0].n);
  const fileRows = async () => Number((await db.query('SELECT COUNT(*) AS n FROM stored_files'))[0].n);

  it("keeps a linked image as the lesson's own file and points the lesson at it", async () => {
    await editor.get(`/catalog/courses/${courseId}/lessons/new`);
    const res = await editor.submit(`/catalog/courses/${courseId}/lessons`, {
      title: 'Sơ đồ máy',
      bodyHtml:
        '<p>Xem sơ đồ:</p><img src="https://anh.example.vn/so-do.jpg?v=1&amp;w=600" alt="Sơ đồ"><img src="https://anh.example.vn/so-do.jpg?v=1&w=600">',
      completionRule: 'OPENED',
      required: 'true',
    });
    expect(res.status).toBe(303);
    const lessonId = Number(/\/lessons\/(\d+)$/.exec(res.headers.location)?.[1]);
    const [{ body }] = await db.query('SELECT body_html AS body FROM lessons WHERE id = ?', [lessonId]);
    const ids = [...String(body).matchAll(/src="\/catalog\/files\/(\d+)"/g)].map((m) => Number(m[1]));
    // The same address twice is fetched once and kept once.
    expect(remote.asked).toEqual(['https://anh.example.vn/so-do.jpg?v=1&w=600']);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(body).not.toContain('example.vn');
    const [file] = await db.query(
      'SELECT owner_type AS type, owner_id AS owner, kind FROM stored_files WHERE id = ?',
      [ids[0]],
    );
    expect(file).toEqual({ type: 'LESSON', owner: lessonId, kind: 'PNG' });
    // Served from hoctap to whoever may read the draft course (its editor).
    const image = await editor.agent.get(`/catalog/files/${ids[0]}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    // Anyone else: not found, as for any file of a draft course.
    await request(app.getHttpServer())
      .get(`/catalog/files/${ids[0]}`)
      .expect((r) => expect([401, 404, 303]).toContain(r.status));
  });

  it('refuses a lesson whose image cannot be fetched or is no image, naming the address, and keeps nothing', async () => {
    const lessons = await lessonRows();
    const files = await fileRows();
    await editor.get(`/catalog/courses/${courseId}/lessons/new`);
    const unreachable = await editor.submit(`/catalog/courses/${courseId}/lessons`, {
      title: 'Ảnh hỏng',
      bodyHtml:
        '<p>a</p><img src="https://anh.example.vn/tot.png"><img src="https://mat.example.vn/anh.png">',
      completionRule: 'OPENED',
      required: 'true',
    });
    expect(unreachable.status).toBe(400);
    expect(unreachable.text).toContain('Không tải được ảnh https://mat.example.vn/anh.png');
    const notImage = await editor.submit(`/catalog/courses/${courseId}/lessons`, {
      title: 'Không phải ảnh',
      bodyHtml: '<img src="https://trang.example.vn/anh.png">',
      completionRule: 'OPENED',
      required: 'true',
    });
    expect(notImage.status).toBe(400);
    expect(await lessonRows()).toBe(lessons);
    // The good image fetched before the bad one was not kept either.
    expect(await fileRows()).toBe(files);
  });
});
