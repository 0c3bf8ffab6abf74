import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { compressWholeBodies } from './compression.middleware';
import { chooseCoding, isCompressible, varyOn } from './content-encoding';
import { IMMUTABLE, SHORT, StaticAssets } from './static-assets';

const CSS = `body { color: #222; }\n${'.rule { margin: 0 auto; padding: 1rem; }\n'.repeat(200)}`;

describe(StaticAssets.name, () => {
  let root: string;
  let sut: StaticAssets;
  let app: express.Express;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hoctap-assets-'));
    mkdirSync(join(root, 'css'));
    mkdirSync(join(root, 'images'));
    writeFileSync(join(root, 'css', 'app.css'), CSS);
    writeFileSync(join(root, 'images', 'logo.png'), Buffer.alloc(4000, 7));
    writeFileSync(join(root, 'vendor.js'), 'window.Lib = 1;');
    sut = new StaticAssets({ root, extra: { 'vendor/lib.js': join(root, 'vendor.js') } });
    app = express();
    app.use(sut.middleware());
    app.use((_req, res) => {
      res.status(404).send('not found');
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names each file by its content, under /public/', () => {
    expect(sut.url('css/app.css')).toMatch(/^\/public\/css\/app\.[0-9a-f]{10}\.css$/);
    expect(sut.url('vendor/lib.js')).toMatch(/^\/public\/vendor\/lib\.[0-9a-f]{10}\.js$/);
    expect(() => sut.url('css/missing.css')).toThrow('No static file "css/missing.css"');
  });

  it('gives a changed file a new name', () => {
    const before = sut.url('css/app.css');
    writeFileSync(join(root, 'css', 'app.css'), `${CSS}\n.new {}`);
    expect(new StaticAssets({ root }).url('css/app.css')).not.toBe(before);
  });

  it('keeps a hashed name for a year and an unhashed one for minutes', async () => {
    const hashed = await request(app).get(sut.url('css/app.css')).set('Accept-Encoding', 'identity');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe(IMMUTABLE);
    expect(hashed.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(hashed.text).toBe(CSS);
    const plain = await request(app).get('/public/css/app.css').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe(SHORT);
    expect(plain.text).toBe(CSS);
    // A page cached before an upgrade asks for an older hash: today's file, not kept for long.
    const stale = await request(app).get('/public/css/app.0123456789.css').set('Accept-Encoding', 'identity');
    expect(stale.status).toBe(200);
    expect(stale.headers['cache-control']).toBe(SHORT);
  });

  // supertest decodes what it receives: the Content-Length header is the size on the wire.
  it('sends text compressed with brotli or gzip, as the browser accepts', async () => {
    const url = sut.url('css/app.css');
    const br = await request(app)
      .get(url)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(binary);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBeLessThan(CSS.length / 5);
    expect((br.body as Buffer).toString()).toBe(CSS);
    const gz = await request(app).get(url).set('Accept-Encoding', 'gzip').buffer(true).parse(binary);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBeLessThan(CSS.length / 5);
    expect((gz.body as Buffer).toString()).toBe(CSS);
    const none = await request(app).get(url).set('Accept-Encoding', 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses an image again', async () => {
    const png = await request(app)
      .get(sut.url('images/logo.png'))
      .set('Accept-Encoding', 'br, gzip')
      .buffer(true)
      .parse(binary);
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).length).toBe(4000);
  });

  it('answers 304 to a browser that has the file', async () => {
    const first = await request(app).get(sut.url('css/app.css')).set('Accept-Encoding', 'br');
    const again = await request(app)
      .get(sut.url('css/app.css'))
      .set('Accept-Encoding', 'br')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('serves only the files it found, and nothing for other methods', async () => {
    expect((await request(app).get('/public/../package.json')).status).toBe(404);
    expect((await request(app).get('/public/css/other.css')).status).toBe(404);
    expect((await request(app).get('/public/%E0%A4%A.css')).status).toBe(404);
    expect((await request(app).post('/public/css/app.css')).status).toBe(404);
  });

  it('re-reads a file changed on disk in watch mode', async () => {
    const watching = new StaticAssets({ root, watch: true });
    const before = watching.url('css/app.css');
    writeFileSync(join(root, 'css', 'app.css'), 'body { color: red; }');
    utimesSync(join(root, 'css', 'app.css'), new Date(), new Date(Date.now() + 5000));
    expect(watching.url('css/app.css')).not.toBe(before);
  });
});

describe(compressWholeBodies.name, () => {
  const page = `<!doctype html><p>${'Học tập suốt đời. '.repeat(300)}</p>`;
  const app = express();
  app.use(compressWholeBodies());
  app.get('/page', (_req, res) => {
    res.send(page);
  });
  app.get('/small', (_req, res) => {
    res.send('<p>ok</p>');
  });
  app.get('/api', (_req, res) => {
    res.json({ rows: Array.from({ length: 200 }, (_, i) => ({ i, name: 'Người lao động' })) });
  });
  app.get('/pdf', (_req, res) => {
    res.type('application/pdf').send(Buffer.alloc(5000, 1));
  });
  app.get('/csv', (_req, res) => {
    // An export is streamed: it must flow as it is written, not wait to be compressed whole.
    res.type('text/csv');
    res.write('a,b\n'.repeat(500));
    res.end('c,d\n'.repeat(500));
  });
  app.get('/no-transform', (_req, res) => {
    res.set('Cache-Control', 'no-transform').send(page);
  });
  app.get('/secret', (_req, res) => {
    res.set('Cache-Control', 'private, no-store').send(page);
  });

  it('compresses a whole page with brotli, or gzip for a browser without brotli', async () => {
    const br = await request(app).get('/page').set('Accept-Encoding', 'gzip, br').buffer(true).parse(binary);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers.etag).toMatch(/^W\//);
    expect(Number(br.headers['content-length'])).toBeLessThan(page.length / 10);
    expect((br.body as Buffer).toString()).toBe(page);
    const gz = await request(app).get('/page').set('Accept-Encoding', 'gzip').buffer(true).parse(binary);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((gz.body as Buffer).toString()).toBe(page);
    const none = await request(app).get('/page').set('Accept-Encoding', 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.text).toBe(page);
  });

  it('compresses JSON answers', async () => {
    const res = await request(app).get('/api').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.rows).toHaveLength(200);
  });

  it('leaves small bodies, PDFs, streamed exports, no-transform and no-store answers alone', async () => {
    for (const path of ['/small', '/pdf', '/csv', '/no-transform', '/secret']) {
      const res = await request(app).get(path).set('Accept-Encoding', 'gzip, br').buffer(true).parse(binary);
      expect([path, res.headers['content-encoding']]).toEqual([path, undefined]);
      expect((res.body as Buffer).length).toBeGreaterThan(0);
    }
    const csv = await request(app).get('/csv').set('Accept-Encoding', 'gzip');
    expect(csv.text).toBe('a,b\n'.repeat(500) + 'c,d\n'.repeat(500));
  });

  it('sends no body to HEAD', async () => {
    const res = await request(app).head('/page').set('Accept-Encoding', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('content coding', () => {
  it('prefers brotli, then gzip, and respects q=0', () => {
    expect(chooseCoding({ 'accept-encoding': 'gzip, deflate, br, zstd' })).toBe('br');
    expect(chooseCoding({ 'accept-encoding': 'gzip, deflate' })).toBe('gzip');
    expect(chooseCoding({ 'accept-encoding': 'br;q=0, gzip' })).toBe('gzip');
    expect(chooseCoding({ 'accept-encoding': 'br;q=0.5, gzip;q=1' })).toBe('gzip');
    expect(chooseCoding({ 'accept-encoding': '*' })).toBe('br');
    expect(chooseCoding({ 'accept-encoding': 'identity' })).toBeNull();
    expect(chooseCoding({ 'accept-encoding': '*;q=0' })).toBeNull();
    expect(chooseCoding({})).toBeNull();
  });

  it('compresses text formats only', () => {
    expect(isCompressible('text/html; charset=utf-8')).toBe(true);
    expect(isCompressible('application/json; charset=utf-8')).toBe(true);
    expect(isCompressible('text/css')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    for (const type of ['image/png', 'application/pdf', 'text/csv', 'text/event-stream', undefined])
      expect(isCompressible(type)).toBe(false);
    expect(isCompressible('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(false);
  });

  it('adds to Vary once', () => {
    expect(varyOn(undefined, 'Accept-Encoding')).toBe('Accept-Encoding');
    expect(varyOn('Cookie', 'Accept-Encoding')).toBe('Cookie, Accept-Encoding');
    expect(varyOn('accept-encoding', 'Accept-Encoding')).toBe('accept-encoding');
  });
});

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
