import { INestApplication } from '@nestjs/common';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uploadsConfig, UploadsConfig } from '../../../src/config';
import { InProcessJobQueue } from '../../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import { UsersRepository } from '../../../src/users/users.repository';
import { changedTables, RowCounter } from '../../support/security-input';
import { docxBomb, padded, xlsxBomb, xlsxBombWithoutDirectory } from '../../support/security-input-files';
import { samples } from '../../support/sample-files';
import { Browser, createTestApp } from '../../support/test-app';

/**
 * Issue 6, item 7: uploads. A corpus of bad files, built here, goes to every kind of upload (course
 * cover, lesson file, roster import, attendance import): wrong magic bytes for the name, HTML and
 * SVG with script, one byte over each size limit, path-traversal names, decompression bombs
 * dressed as DOCX and XLSX. Each is refused with a Vietnamese message, writes no row and leaves no
 * file, and nothing appears outside the upload store. Downloads go out as attachments with nosniff.
 */

const MB = 1024 * 1024;
/** Small enough to test the document limit cheaply: documents are cut at min(50 MB, this). */
const UPLOAD_MAX_MB = 8;
const LOG_TABLES = ['sessions'];

interface Target {
  name: string;
  path: () => string;
  user: string;
  /** What a refusal says (Vietnamese), for each kind of refusal. */
  field?: Record<string, string>;
}

interface BadFile {
  label: string;
  filename: string;
  bytes: () => Buffer;
  /** Which targets it is sent to, and the message expected there. */
  expect: Partial<Record<'cover' | 'lesson' | 'video' | 'roster' | 'attendance' | 'enterprises', RegExp>>;
}

const html = Buffer.from('<!doctype html><html><body><script>fetch("/account")</script></body></html>');
const svg = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>',
);
const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const IS_HTML = /trang web|HTML/;
const IS_SVG = /SVG/;
const TOO_LARGE = /quá lớn \(tối đa/;
const NOT_ALLOWED = /không thuộc loại được nhận|không được nhận/;
const MISMATCH = /nhưng nội dung thực chất là/;
const BOMB = /bom nén/;
const ROSTER_TYPE = /Chỉ nhận tệp Excel \(\.xlsx\) hoặc CSV/;

const CORPUS: BadFile[] = [
  {
    label: 'PNG bytes named .pdf',
    filename: 'bai-giang.pdf',
    bytes: () => samples.png(),
    expect: {
      lesson: MISMATCH,
      video: NOT_ALLOWED,
      roster: ROSTER_TYPE,
      attendance: ROSTER_TYPE,
      enterprises: ROSTER_TYPE,
    },
  },
  {
    label: 'PDF bytes named .png',
    filename: 'anh-bia.png',
    bytes: () => samples.pdf(),
    expect: { cover: NOT_ALLOWED, lesson: MISMATCH, roster: ROSTER_TYPE },
  },
  {
    label: 'PDF bytes named .xlsx',
    filename: 'danh-sach.xlsx',
    bytes: () => samples.pdf(),
    expect: { roster: ROSTER_TYPE, attendance: ROSTER_TYPE, enterprises: ROSTER_TYPE, lesson: MISMATCH },
  },
  {
    label: 'HTML with script named .pdf',
    filename: 'tai-lieu.pdf',
    bytes: () => html,
    expect: { cover: IS_HTML, lesson: IS_HTML, video: IS_HTML },
  },
  {
    label: 'HTML with script named .html',
    filename: 'trang.html',
    bytes: () => html,
    expect: { lesson: IS_HTML, video: IS_HTML },
  },
  {
    label: 'SVG with script',
    filename: 'logo.svg',
    bytes: () => svg,
    expect: { cover: IS_SVG, lesson: IS_SVG, video: IS_SVG },
  },
  { label: 'SVG with script named .png', filename: 'logo.png', bytes: () => svg, expect: { cover: IS_SVG } },
  {
    label: 'image one byte over 5 MB',
    filename: 'anh-lon.png',
    bytes: () => padded(pngMagic, 5 * MB + 1),
    expect: { cover: TOO_LARGE },
  },
  {
    label: `file one byte over UPLOAD_MAX_MB (${UPLOAD_MAX_MB} MB)`,
    filename: 'lon.pdf',
    bytes: () => padded(Buffer.from('%PDF-1.4\n'), UPLOAD_MAX_MB * MB + 1),
    expect: {
      lesson: TOO_LARGE,
      video: TOO_LARGE,
      roster: TOO_LARGE,
      attendance: TOO_LARGE,
      enterprises: TOO_LARGE,
    },
  },
  {
    label: 'path traversal name ../../etc/passwd with HTML',
    filename: '../../etc/passwd',
    bytes: () => html,
    expect: { lesson: IS_HTML, video: IS_HTML, cover: IS_HTML },
  },
  {
    label: 'path traversal name ..\\..\\x.pdf with PNG bytes',
    filename: '..\\..\\x.pdf',
    bytes: () => samples.png(),
    expect: { lesson: MISMATCH },
  },
  {
    label: 'path traversal name ../../../tmp/roster.csv with NUL bytes',
    filename: '../../../tmp/roster.csv',
    bytes: () => Buffer.from('Họ tên,CCCD\n\u0000\u0000'),
    expect: { roster: ROSTER_TYPE, attendance: ROSTER_TYPE, enterprises: ROSTER_TYPE },
  },
  {
    label: 'decompression bomb dressed as DOCX (512 MB inflated)',
    filename: 'giao-trinh.docx',
    bytes: () => docxBomb(512),
    expect: { lesson: BOMB, video: BOMB },
  },
  {
    label: 'decompression bomb dressed as DOCX, sizes lying',
    filename: 'giao-trinh-2.docx',
    bytes: () => docxBomb(512, true),
    expect: { lesson: BOMB },
  },
  {
    label: 'decompression bomb dressed as XLSX (512 MB inflated)',
    filename: 'danh-sach.xlsx',
    bytes: () => xlsxBomb(512),
    expect: { lesson: BOMB, video: BOMB, roster: BOMB, attendance: BOMB, enterprises: BOMB },
  },
  {
    label: 'decompression bomb dressed as XLSX, sizes lying',
    filename: 'diem-danh.xlsx',
    bytes: () => xlsxBomb(512, true),
    expect: { roster: BOMB, attendance: BOMB, enterprises: BOMB },
  },
  {
    label: 'decompression bomb dressed as XLSX, no central directory (300 MB of zeros)',
    filename: 'danh-sach-2.xlsx',
    bytes: () => xlsxBombWithoutDirectory(300),
    expect: { lesson: BOMB, roster: BOMB, attendance: BOMB, enterprises: BOMB },
  },
  {
    label: 'decompression bomb dressed as XLSX, central directory cut short',
    filename: 'danh-sach-3.xlsx',
    bytes: () => xlsxBombWithoutDirectory(300, 'truncated'),
    expect: { lesson: BOMB, roster: BOMB, attendance: BOMB, enterprises: BOMB },
  },
  {
    label: 'decompression bomb dressed as XLSX, no central directory and no sizes (data descriptors)',
    filename: 'diem-danh-2.xlsx',
    bytes: () => xlsxBombWithoutDirectory(300, 'descriptors'),
    expect: { roster: BOMB, attendance: BOMB, enterprises: BOMB },
  },
];

/** Every file under a directory, relative to it, with its size. */
function listFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), statSync(path).size);
    }
  };
  walk(dir);
  return out;
}

describe('uploads (e2e)', () => {
  let app: INestApplication;
  let uploadDir: string;
  let dataDir: string;
  let counter: RowCounter;
  let jobs: InProcessJobQueue;
  const browsers = new Map<string, Browser>();
  const targets = new Map<string, Target>();

  const as = async (username: string) => {
    let browser = browsers.get(username);
    if (!browser) {
      browser = new Browser(app);
      await browser.login(username);
      await browser.get('/account');
      browsers.set(username, browser);
    }
    return browser;
  };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', env: { UPLOAD_MAX_MB: String(UPLOAD_MAX_MB) } });
    uploadDir = app.get<UploadsConfig>(uploadsConfig.KEY).dir;
    dataDir = dirname(uploadDir);
    counter = new RowCounter(app.get(DataSource));
    await counter.init();
    jobs = app.get(JobQueue) as InProcessJobQueue;
    const db = app.get(DataSource);
    const scopeOf = async (username: string) => {
      const user = await app.get(UsersRepository).findForLogin({ username });
      return (await app.get(UsersRepository).grants(user!.id))[0].scopeId;
    };
    const institution = await scopeOf('truong.caodang');
    const [course] = (await db.query(
      `SELECT c.id AS id, MIN(l.id) AS lesson FROM courses c JOIN lessons l ON l.course_id = c.id
        WHERE c.institution_id = ? GROUP BY c.id ORDER BY c.id LIMIT 1`,
      [institution],
    )) as { id: number; lesson: number }[];
    const enterprise = await scopeOf('congdoan.tamphat');
    const [session] = (await db.query(`SELECT id FROM learning_sessions WHERE enterprise_id = ? LIMIT 1`, [
      enterprise,
    ])) as { id: number }[];
    expect(course).toBeDefined();
    expect(session).toBeDefined();
    targets.set('cover', {
      name: 'course cover',
      path: () => `/catalog/courses/${course.id}/cover`,
      user: 'truong.caodang',
    });
    targets.set('lesson', {
      name: 'lesson file',
      path: () => `/catalog/courses/${course.id}/lessons/${course.lesson}/files`,
      user: 'truong.caodang',
    });
    targets.set('video', {
      name: 'lesson video',
      path: () => `/catalog/courses/${course.id}/lessons/${course.lesson}/videos`,
      user: 'truong.caodang',
    });
    targets.set('roster', {
      name: 'roster import',
      path: () => '/workers/imports',
      user: 'congdoan.tamphat',
    });
    targets.set('attendance', {
      name: 'attendance import',
      path: () => `/activities/${session.id}/imports`,
      user: 'congdoan.tamphat',
    });
    targets.set('enterprises', {
      name: 'enterprises import',
      path: () => '/organisations/enterprises/imports',
      user: 'liendoan',
    });
    // Signed in before counting rows: signing in writes to the sign-in throttle's table.
    for (const user of new Set([...targets.values()].map((t) => t.user))) await as(user);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function upload(target: Target, filename: string, bytes: Buffer) {
    const browser = await as(target.user);
    return browser.agent
      .post(`${target.path()}`)
      .field('_csrf', browser.csrf)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });
  }

  it(`refuses each file of the corpus with a Vietnamese message, writing no row and no file`, async () => {
    const filesBefore = listFiles(dataDir);
    const wrong: string[] = [];
    let sent = 0;
    for (const bad of CORPUS) {
      for (const [key, message] of Object.entries(bad.expect)) {
        const target = targets.get(key)!;
        await jobs.whenIdle();
        const before = await counter.counts();
        const rss = process.memoryUsage().rss;
        const res = await upload(target, bad.filename, bad.bytes());
        sent++;
        const grew = process.memoryUsage().rss - rss;
        await jobs.whenIdle();
        const changed = changedTables(before, await counter.counts(), LOG_TABLES);
        const problems = [
          res.status !== 400 && `status ${res.status}`,
          !message.test(res.text) && `no message matching ${message}`,
          changed.length > 0 && `wrote rows in ${changed.join(', ')}`,
          // A bomb expanded in memory would need hundreds of MB.
          grew > 200 * MB && `memory grew by ${Math.round(grew / MB)} MB`,
        ].filter(Boolean);
        if (problems.length) wrong.push(`${bad.label} → ${target.name}: ${problems.join('; ')}`);
      }
    }
    const filesAfter = listFiles(dataDir);
    const added = [...filesAfter.keys()].filter(
      (f) => !filesBefore.has(f) && !/\.sqlite(-wal|-shm|-journal)?$/.test(f),
    );
    console.log(
      `uploads: ${CORPUS.length} bad files, ${sent} refused uploads over ${targets.size} upload forms`,
    );
    expect(wrong).toEqual([]);
    expect(added).toEqual([]);
    // Nothing escaped the store through the names sent.
    for (const escaped of ['etc/passwd', 'x.pdf', 'tmp/roster.csv', '../etc/passwd'])
      expect(() => statSync(join(uploadDir, 'tmp', '..', '..', escaped))).toThrow();
  }, 300_000);

  it('accepts a file of exactly the limit, and keeps a traversal name only as a harmless display name inside the store', async () => {
    const lesson = targets.get('lesson')!;
    const cover = targets.get('cover')!;
    const filesBefore = listFiles(dataDir);
    const atLimit = await upload(cover, 'dung-gioi-han.png', padded(pngMagic, 5 * MB));
    expect(atLimit.status).toBe(303);
    const pdf = await upload(lesson, '../../etc/bai-giang.pdf', samples.pdf());
    expect(pdf.status).toBe(303);
    const added = [...listFiles(dataDir).keys()].filter((f) => !filesBefore.has(f) && !f.includes('.sqlite'));
    expect(added).toHaveLength(2);
    for (const file of added) expect(file).toMatch(/^uploads\/files\/[0-9a-f-]{36}\.(png|pdf)$/);
    const [row] = (await app
      .get(DataSource)
      .query(`SELECT id, original_name AS name FROM stored_files ORDER BY id DESC LIMIT 1`)) as {
      id: number;
      name: string;
    }[];
    expect(row.name).toBe('bai-giang.pdf');
  });

  it('sends stored files as attachments with nosniff and a sandboxing CSP', async () => {
    const browser = await as('truong.caodang');
    const [file] = (await app
      .get(DataSource)
      .query(`SELECT id FROM stored_files WHERE kind = 'PDF' ORDER BY id DESC LIMIT 1`)) as { id: number }[];
    const res = await browser.agent.get(`/catalog/files/${file.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bai-giang\.pdf"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    // Open learning materials download the same way.
    const [material] = (await app
      .get(DataSource)
      .query(
        `SELECT m.id AS id FROM learning_materials m WHERE m.file_id IS NOT NULL AND m.status = 'PUBLISHED' LIMIT 1`,
      )) as { id: number }[];
    if (material) {
      const download = await request(app.getHttpServer()).get(`/materials/${material.id}/download`);
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
