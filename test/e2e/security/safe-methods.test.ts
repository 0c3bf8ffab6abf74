import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InProcessJobQueue } from '../../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import {
  Caller,
  callersFor,
  DEMO_USERS,
  signIn,
  anonymousSession,
} from '../../support/security-input-callers';
import { AppRoute, listRoutes } from '../../support/security-input-routes';
import { createTestApp } from '../../support/test-app';
import { WriteLog } from '../../support/write-log';

/**
 * Issue 9, item 3: a GET changes nothing. Every GET route the app registers is called as the demo
 * users it allows, with ids that exist: each user walks the links of the pages they can see, from
 * the home page on (so a lesson is opened from its course's page, a worker's record from the list),
 * a few URLs per route; a route no link reaches is called with id 1. After every answer (and the
 * jobs it queued) the database must hold no new write — INSERT, UPDATE or DELETE on any table,
 * caught by triggers, so an update of a column without `updated_at` counts too.
 *
 * The fuzzing test (malformed-input.test.ts) sends GETs only hostile ids, which never reach a
 * handler, and counts rows, which an update leaves alone: it could not see a lesson opened by a GET.
 */

/** Every request through a session touches its row. */
const IGNORED_TABLES = ['sessions'];

/**
 * GETs that write by design, each a read that logs itself (docs/security.md, issue 9). Each may
 * write only the table named here; anything else fails.
 * - The union officer's roster export with full CCCD numbers logs, before sending, whose number
 *   went to whom (pii_access_log). Owned by src/workers, where another change is under way.
 * - A public material's download counts itself (one UPDATE of learning_materials.download_count,
 *   updated_at untouched). Downloads stay plain links: shared, harvested through the LRMI metadata,
 *   and a linked material's redirect to another site, which a form could not follow under the
 *   CSP's form-action 'self'.
 */
const KNOWN: Record<string, string[]> = {
  'GET /workers/export/:format': ['pii_access_log'],
  'GET /materials/:id/download': ['learning_materials'],
  // A quiz drawing from its course's bank keeps the questions drawn for the worker's next attempt
  // from the first showing, so that a reload shows the same ones (the draw is the form's key).
  'GET /learn/courses/:courseId/quizzes/:quizId': ['quiz_draws'],
  'GET /api/v1/learning/courses/:courseId/quizzes/:quizId': ['quiz_draws'],
};

/** URLs per route, query-string shape and user taken from links (`?page=`, `?format=`, `?cccd=full`…). */
const PER_SHAPE = 2;
const PER_CALLER = 600;

function patternOf(route: AppRoute): RegExp {
  const source = route.path
    .split('/')
    .map((segment) =>
      segment
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:(\w+)/g, (_, name: string) =>
          route.params.find((p) => p.name === name)?.integer ? '\\d+' : '[^/]+',
        ),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Addresses no page links to for every user but people reach anyway (a shared link, a bookmark, a
 * QR code): every lesson of every course, whether the worker is enrolled or not; quiz attempts;
 * certificates' verification pages. Read from the database, visited by every user first.
 */
const SEEDS: [sql: string, url: string][] = [
  ['SELECT course_id AS a, id AS b FROM lessons', '/learn/courses/{a}/lessons/{b}'],
  [
    'SELECT e.course_id AS a, q.quiz_id AS b, q.id AS c FROM quiz_attempts q JOIN enrolments e ON e.id = q.enrolment_id',
    '/learn/courses/{a}/quizzes/{b}/attempts/{c}',
  ],
  [
    'SELECT e.course_id AS a, q.quiz_id AS b, q.id AS c FROM quiz_attempts q JOIN enrolments e ON e.id = q.enrolment_id',
    '/api/v1/learning/courses/{a}/quizzes/{b}/attempts/{c}',
  ],
  ['SELECT code AS a FROM course_certificates', '/verify/courses/{a}'],
  ['SELECT code AS a FROM course_certificates', '/api/v1/verify/courses/{a}'],
  ['SELECT checkin_token AS a FROM learning_sessions WHERE checkin_token IS NOT NULL', '/checkin/{a}'],
  ["SELECT id AS a FROM stored_files WHERE owner_type <> 'MATERIAL'", '/catalog/files/{a}'],
  ['SELECT set_id AS a, code AS b FROM criteria', '/citizenship/criteria/{a}/items/{b}/edit'],
  ["SELECT id AS a FROM job_runs WHERE name = 'indicators.rollup'", '/indicators/rollups/{a}'],
  [
    "SELECT id AS a FROM job_runs WHERE name LIKE 'citizenship.evaluate-batch%'",
    '/citizenship/evaluation/runs/{a}',
  ],
  ["SELECT id AS a FROM import_runs WHERE kind = 'ROSTER'", '/workers/imports/{a}'],
  [
    "SELECT target_id AS a, id AS b FROM import_runs WHERE kind = 'ATTENDANCE'",
    '/activities/{a}/imports/{b}',
  ],
  ["SELECT id AS a FROM import_runs WHERE kind = 'ENTERPRISES'", '/organisations/enterprises/imports/{a}'],
];

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"');

/** Same-site links of a page, and its search forms (method="get") sent as they are shown. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) links.push(unescape(href).split('#')[0]);
  for (const [, action, body] of html.matchAll(
    /<form method="get" action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g,
  )) {
    const query = new URLSearchParams();
    for (const [input] of body.matchAll(/<input [^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      const value = /value="([^"]*)"/.exec(input)?.[1];
      if (name && value !== undefined && !/type="(checkbox|radio)"/.test(input))
        query.set(name, unescape(value));
    }
    for (const [, name, options] of body.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const selected =
        /<option value="([^"]*)"[^>]*selected/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
      if (selected) query.set(name, unescape(selected[1]));
    }
    links.push(`${unescape(action)}?${query}`);
  }
  return links.filter((url) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/public/'));
}

/** A route and the names in its query string: the unit the crawl takes a few URLs of. */
const shapeOf = (route: AppRoute, url: string) =>
  `${route.path}?${[...new URLSearchParams(url.split('?')[1] ?? '').keys()].sort().join('&')}`;

describe('GET changes nothing (e2e)', () => {
  let app: INestApplication;
  let log: WriteLog;
  let jobs: InProcessJobQueue;
  let routes: AppRoute[];
  const callers: Caller[] = [];
  let anonymous: Caller;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    app.getHttpAdapter().getInstance().set('view cache', true);
    jobs = app.get(JobQueue) as InProcessJobQueue;
    routes = listRoutes(app).filter((r) => r.method === 'GET');
    for (const username of [...DEMO_USERS, 'khuyenhoc.cujut'])
      callers.push(await signIn(app, username, false));
    anonymous = await anonymousSession(app);
    await jobs.whenIdle();
    log = new WriteLog(app.get(DataSource));
    await log.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('writes nothing on any GET route, called as every user it allows with ids that exist', async () => {
    const server = app.getHttpServer();
    const matchers = routes.map((route) => ({ route, pattern: patternOf(route) }));
    const routeOf = (url: string) => matchers.find((m) => m.pattern.test(url.split('?')[0]))?.route;
    const writes: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<AppRoute>();
    const knownWrites = new Set<string>();
    let sent = 0;

    async function get(caller: Caller, url: string, route: AppRoute): Promise<request.Response> {
      await jobs.whenIdle();
      await log.take();
      const res = await request(server).get(url).set('Cookie', caller.cookie);
      sent++;
      await jobs.whenIdle();
      const wrote = await log.take(IGNORED_TABLES);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status < 400) reached.add(route);
      const known = KNOWN[`GET ${route.path}`] ?? [];
      const unexpected = wrote.filter((w) => !known.some((k) => w.startsWith(`${k} `)));
      if (wrote.length > unexpected.length) knownWrites.add(`GET ${route.path}`);
      if (unexpected.length)
        writes.push(`GET ${route.path} as ${caller.username} (${url}): ${unexpected.join(', ')}`);
      return res;
    }

    const seeds: string[] = [];
    for (const [sql, template] of SEEDS) {
      for (const row of (await app.get(DataSource).query(sql)) as Record<string, unknown>[])
        seeds.push(template.replace(/\{(\w)\}/g, (_, key: string) => encodeURIComponent(String(row[key]))));
    }

    // Each user follows the links of the pages they see.
    for (const caller of [anonymous, ...callers]) {
      const queue = ['/', ...new Set(seeds)];
      const seen = new Set(queue);
      const perShape = new Map<string, number>();
      let visited = 0;
      while (queue.length && visited < PER_CALLER + seeds.length) {
        const url = queue.shift()!;
        const route = routeOf(url);
        if (!route) continue;
        visited++;
        const res = await get(caller, url, route);
        const next = res.status >= 300 && res.status < 400 ? [String(res.headers.location ?? '')] : [];
        if (String(res.headers['content-type']).startsWith('text/html')) next.push(...linksOf(res.text));
        for (const link of next) {
          const target = routeOf(link);
          if (!target || seen.has(link)) continue;
          const shape = shapeOf(target, link);
          if ((perShape.get(shape) ?? 0) >= PER_SHAPE) continue;
          seen.add(link);
          perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
          queue.push(link);
        }
      }
    }
    const byLinks = reached.size;

    // Routes no link reached (the API, downloads): id 1, as each user allowed.
    for (const route of routes.filter((r) => !reached.has(r))) {
      const url = route.path.replace(/:(\w+)/g, (_, name: string) =>
        name === 'format' ? 'csv' : name === 'locale' ? 'vi' : name === 'year' ? '2025' : '1',
      );
      for (const caller of callersFor(route, callers, anonymous)) await get(caller, url, route);
    }

    console.log(
      `GET changes nothing: ${sent} requests over ${routes.length} GET routes; ${byLinks} reached through links, ` +
        `${reached.size} answered below 400; statuses ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}: ${n}`)
          .join(
            ', ',
          )}; unexpected writes: ${writes.length}; logging writes by design: ${[...knownWrites].join(', ') || 'none'}`,
    );
    if (process.env.SAFE_METHODS_LOG)
      console.log(routes.filter((r) => !reached.has(r)).map((r) => `${r.path} ${JSON.stringify(r.access)}`));
    expect(writes).toEqual([]);
  }, 300_000);
});
