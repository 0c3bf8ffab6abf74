import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { IMMUTABLE, SHORT } from '../../src/common/http/static-assets';
import { binary } from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';

/**
 * What a phone downloads (issue 13, item 7): pages and text files compressed, static files under
 * content-hashed names kept a year, and Chart.js only on a page that draws a chart.
 */
describe('compression and caching (e2e)', () => {
  let app: INestApplication;
  let worker: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    worker = new Browser(app);
    await worker.login('nguoilaodong');
  });

  afterAll(async () => {
    await app.close();
  });

  const stylesheetOf = (html: string) => /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];

  it('names the stylesheet by its content and keeps it a year; the plain name still answers, briefly', async () => {
    const page = await request(app.getHttpServer()).get('/courses');
    const css = stylesheetOf(page.text);
    expect(css).toMatch(/^\/public\/css\/app\.[0-9a-f]{10}\.css$/);
    const hashed = await request(app.getHttpServer()).get(css!).set('Accept-Encoding', 'gzip, deflate, br');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe(IMMUTABLE);
    expect(hashed.headers['content-encoding']).toBe('br');
    expect(hashed.text).toContain('.table-wrap');
    const plain = await request(app.getHttpServer()).get('/public/css/app.css');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe(SHORT);
    expect(plain.text).toBe(hashed.text);
  });

  it('compresses pages and JSON for a browser that accepts it, and not for one that does not', async () => {
    const br = await worker.agent.get('/learn').set('Accept-Encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(br.headers['content-length'])).toBeLessThan(Buffer.byteLength(br.text) / 3);
    const gzip = await worker.agent.get('/courses').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await worker.agent.get('/courses').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The same page, but for the masked copies of the CSRF token, fresh in every answer.
    const token = /name="_csrf" value="[0-9a-f]+"/g;
    expect(plain.text.replace(token, '')).toBe(gzip.text.replace(token, ''));
    const api = await worker.agent.get('/api/docs/openapi.json').set('Accept-Encoding', 'gzip');
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(api.body.openapi).toMatch(/^3\./);
  });

  it('streams exports and sends PDFs as they are', async () => {
    const csv = await worker.agent
      .get('/learn/history?format=csv')
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-encoding']).toBeUndefined();
    const xlsx = await worker.agent
      .get('/learn/history?format=xlsx')
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    // The demo materials include two PDFs; a link material's download is a redirect instead.
    const materials = await worker.get('/materials');
    let download: string | undefined;
    for (const [, id] of materials.text.matchAll(/href="\/materials\/(\d+)"/g)) {
      const show = await worker.get(`/materials/${id}`);
      if (show.text.includes(`href="/materials/${id}/download" rel="nofollow">`))
        download = `/materials/${id}/download`;
    }
    expect(download).toBeDefined();
    const pdf = await worker.agent
      .get(download!)
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-encoding']).toBeUndefined();
  });

  it('loads Chart.js only where a chart is drawn', async () => {
    const admin = new Browser(app);
    await admin.login('liendoan');
    // No roll-up yet in a fresh database: the dashboard has no chart to draw.
    const dashboard = await admin.get('/indicators');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).not.toContain('<canvas');
    expect(dashboard.text).not.toContain('chartjs');
    for (const path of ['/courses', '/learn']) expect((await worker.get(path)).text).not.toContain('chartjs');
  });
});
