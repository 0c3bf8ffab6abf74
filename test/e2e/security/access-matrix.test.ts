import { INestApplication, Logger } from '@nestjs/common';
import request from 'supertest';
import { Actor } from '../../../src/common/access/actor';
import { Role, ScopeType } from '../../../src/common/access/roles';
import { addDays } from '../../../src/common/time/iso-date';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { QuestionKind } from '../../../src/engagement/surveys/entities/survey.entity';
import { SurveysService } from '../../../src/engagement/surveys/surveys.service';
import { Browser, createTestApp } from '../../support/test-app';
import {
  ActorName,
  ACTORS,
  buildSecurityFixture,
  Column,
  COLUMNS,
  ObjectIds,
  SecurityFixture,
} from '../../support/security-fixture';

/**
 * Issue 6, item 2: role × scope. For representative routes of every domain, each of the seven
 * roles asks for objects at five places (see security-fixture.ts):
 *
 *   own             the worker's own record, or the place of the actors (enterprise E1, commune C1)
 *   sameEnterprise  a colleague at E1
 *   otherEnterprise an enterprise E1b in the same commune and association branch
 *   otherUnit       an enterprise E2 in another commune of the same branch
 *   otherBranch     an enterprise E3 in another district, under another association branch
 *
 * The actors: the worker (at E1), the union officer of E1, an institution editor, the reviewer of
 * the branch covering D1, a department viewer of commune C1, the federation admin and the system
 * admin. Each cell below is five characters, one per place in that order:
 *
 *   +  the request succeeds (200; for a list, the object's record is in it)
 *   -  it is refused (403 for the role, 404 outside the scope; for a list, the record is absent)
 *   .  the place has no object of its own for this route (e.g. an enterprise is the same for
 *      "own" and "same enterprise")
 *
 * Pass: every cell as written — 0 unexpected successes and 0 unexpected refusals — and each
 * refusal of a single object is logged (event access_refused) without personal data.
 */

type Kind =
  | 'workers'
  | 'enterprises'
  | 'units'
  | 'applications'
  | 'certificates'
  | 'sessions'
  | 'contests'
  | 'rosterImports'
  | 'enterpriseImports'
  | 'users'
  | 'records'
  | 'surveys';

interface Row {
  method: 'GET' | 'POST';
  /** With `:id` for the object; list routes (kind "records") look for the object's record. */
  path: string;
  kind: Kind;
  cells: Record<ActorName, string>;
}

// prettier-ignore
const MATRIX: Row[] = [
  //                                                                     worker   officer  editor   reviewer viewer   fed.adm  sys.adm
  // worker record
  row('GET /workers/:id', 'workers',                                     '-----', '++---', '-----', '-----', '-----', '+++++', '-----'),
  row('GET /api/v1/workers/:id', 'workers',                              '-----', '++---', '-----', '-----', '-----', '+++++', '-----'),
  row('POST /api/v1/workers/:id/cccd', 'workers',                        '-----', '++---', '-----', '-----', '-----', '+++++', '-----'),
  // roster
  row('GET /workers/imports/:id', 'rosterImports',                       '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /api/v1/roster-imports/:id', 'rosterImports',                 '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  // the enterprises register from a sheet: one run, of no place (the federation admin's only)
  row('GET /organisations/enterprises/imports/:id', 'enterpriseImports', '-....', '-....', '-....', '-....', '-....', '+....', '-....'),
  row('GET /api/v1/organisations/enterprise-imports/:id', 'enterpriseImports', '-....', '-....', '-....', '-....', '-....', '+....', '-....'),
  // learning records (lists: is the record of that place in it?)
  row('GET /learning-records', 'records',                                '-----', '++---', '-----', '-----', '-----', '+++++', '-----'),
  row('GET /api/v1/learning-records', 'records',                         '-----', '++---', '-----', '-----', '-----', '+++++', '-----'),
  row('GET /api/v1/learning-records/mine', 'records',                    '+----', '-----', '-----', '-----', '-----', '-----', '-----'),
  // in-person sessions and their attendance
  row('GET /activities/:id', 'sessions',                                 '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /api/v1/activities/:id/attendance', 'sessions',               '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  // movements and contests of each enterprise (engagement)
  row('GET /contests/:id', 'contests',                                   '.+---', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
  row('GET /api/v1/contests/:id', 'contests',                            '.+---', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
  row('GET /api/v1/contests/:id/registrations', 'contests',              '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
  // learning-citizen applications and their review
  row('GET /citizenship/review/applications/:id', 'applications',        '-----', '++---', '-----', '++++-', '-----', '-----', '-----'),
  row('GET /api/v1/citizenship/review/applications/:id', 'applications', '-----', '++---', '-----', '++++-', '-----', '-----', '-----'),
  // certificates
  row('GET /citizenship/certificates/:id.pdf', 'certificates',           '+----', '++---', '-----', '++++-', '-----', '-----', '-----'),
  // indicators
  row('GET /indicators/enterprises/:id', 'enterprises',                  '.----', '.+---', '.----', '.----', '.++--', '.++++', '.++++'),
  row('GET /indicators/units/:id', 'units',                              '.-.--', '.-.--', '.-.--', '.-.--', '.+.--', '.+.++', '.+.++'),
  // organisations admin. Enterprises are scoped data; the administrative tree is reference data
  // (public place names) that every reader of the organisations pages may browse whole.
  row('GET /organisations/enterprises/:id', 'enterprises',               '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
  row('GET /api/v1/organisations/enterprises/:id', 'enterprises',        '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
  row('GET /organisations/enterprises/:id/commune', 'enterprises',       '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /organisations/units/:id', 'units',                           '.-.--', '.-.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
  row('GET /api/v1/organisations/units/:id', 'units',                    '.-.--', '.-.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
  // learning-needs surveys, one aimed at each enterprise: the federation's (not the department's);
  // an officer sees their enterprise's rate only, a worker answers only theirs
  row('GET /surveys/:id', 'surveys',                                     '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /api/v1/surveys/:id/rates', 'surveys',                        '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /api/v1/surveys/:id/enterprise-results', 'surveys',           '.----', '.+---', '.----', '.----', '.----', '.----', '.----'),
  row('GET /surveys/:id/results', 'surveys',                             '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /api/v1/surveys/:id/results', 'surveys',                      '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
  row('GET /surveys/:id/answer', 'surveys',                              '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
  // users admin
  row('GET /admin/users/:id', 'users',                                   '-----', '-----', '-----', '-----', '-----', '+++++', '+++++'),
];

function row(route: string, kind: Kind, ...cells: string[]): Row {
  const [method, path] = route.split(' ') as [Row['method'], string];
  return {
    method,
    path,
    kind,
    cells: Object.fromEntries(ACTORS.map((a, i) => [a, cells[i]])) as Row['cells'],
  };
}

describe('role × scope matrix', () => {
  let app: INestApplication;
  let fx: SecurityFixture;
  let surveys: ObjectIds;
  const browsers = {} as Record<ActorName, Browser>;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    fx = await buildSecurityFixture(app);
    surveys = await surveyPerEnterprise(app, fx.enterprises);
    for (const actor of ACTORS) {
      browsers[actor] = new Browser(app);
      await browsers[actor].login(fx.logins[actor].username);
    }
    // Every refusal goes through Nest's Logger (AccessGuard, ScopeRefusalInterceptor); the
    // spy records each line and lets it through to pino.
    warn = jest.spyOn(Logger.prototype, 'warn');
  }, 120_000);
  afterAll(async () => {
    warn?.mockRestore();
    await app?.close();
  });

  it('the matrix is well formed', () => {
    for (const r of MATRIX)
      for (const actor of ACTORS) {
        expect(`${r.path} ${actor} ${r.cells[actor]}`).toMatch(/ [+\-.]{5}$/);
        // A "." must be where the route has no object of its own, and only there.
        const objects = objectsOf(r.kind);
        COLUMNS.forEach((column, i) =>
          expect(`${r.path} ${actor} ${column}: ${r.cells[actor][i] === '.'}`).toBe(
            `${r.path} ${actor} ${column}: ${objects[column] === null}`,
          ),
        );
      }
  });

  it('every cell answers as the matrix says, and every refusal is logged without personal data', async () => {
    const unexpected: string[] = [];
    const unlogged: string[] = [];
    const leaky: string[] = [];
    let cells = 0;
    for (const r of MATRIX) {
      for (const actor of ACTORS) {
        for (const [i, column] of COLUMNS.entries()) {
          const expected = r.cells[actor][i];
          if (expected === '.') continue;
          cells++;
          warn.mockClear();
          const outcome = await ask(r, actor, column);
          const label = `${r.method} ${r.path} as ${actor} on ${column}: expected ${expected === '+' ? 'success' : 'refusal'}, got ${outcome.detail}`;
          if (outcome.result !== expected) unexpected.push(label);
          if (outcome.result === '-' && r.kind !== 'records') {
            const lines = warn.mock.calls.map((call) => call[0] as Record<string, unknown>);
            const refusal = lines.find((line) => line?.event === 'access_refused');
            if (!refusal) unlogged.push(`${r.method} ${r.path} as ${actor} on ${column} (${outcome.detail})`);
            else {
              const text = JSON.stringify(lines);
              const found = fx.personalData.filter((value) => text.includes(value));
              const id = String(objectsOf(r.kind)[column]);
              // The route is logged as its pattern, never with the id asked for.
              if (found.length > 0 || refusal.route !== r.path || text.includes(`/${id}`))
                leaky.push(`${r.path} as ${actor}: ${text}`);
              expect(Object.keys(refusal).sort()).toEqual(
                expect.arrayContaining(['event', 'method', 'reason', 'route', 'userId']),
              );
              for (const key of Object.keys(refusal))
                expect(['event', 'method', 'reason', 'route', 'userId', 'roles']).toContain(key);
            }
          }
        }
      }
    }
    console.log(`access matrix: ${MATRIX.length} routes × ${ACTORS.length} roles, ${cells} cells`);
    expect(unexpected).toEqual([]);
    expect(unlogged).toEqual([]);
    expect(leaky).toEqual([]);
  }, 300_000);

  function objectsOf(kind: Kind): ObjectIds {
    return kind === 'records' ? fx.workers : kind === 'surveys' ? surveys : fx[kind];
  }

  /** One cell: the actor asks for the column's object (or lists and looks for it). */
  async function ask(
    r: Row,
    actor: ActorName,
    column: Column,
  ): Promise<{ result: '+' | '-'; detail: string }> {
    const id = objectsOf(r.kind)[column]!;
    const path = r.path.replace(':id', String(id)) + (r.kind === 'records' ? '?size=100&year=2025' : '');
    const login = fx.logins[actor];
    const api = path.startsWith('/api/');
    let call: request.Test;
    if (api && login.token) {
      call = request(app.getHttpServer())[r.method === 'GET' ? 'get' : 'post'](path);
      call = call.set('Authorization', `Bearer ${login.token}`);
    } else {
      const browser = browsers[actor];
      call =
        r.method === 'GET'
          ? browser.agent.get(path)
          : browser.agent.post(path).set('x-csrf-token', browser.csrf);
    }
    const res = await call;
    if (r.kind === 'records') {
      if (res.status === 403) return { result: '-', detail: '403' };
      if (res.status !== 200) return { result: '+', detail: `status ${res.status}` };
      const seen = (res.text ?? JSON.stringify(res.body)).includes(fx.recordMarks[column]);
      return { result: seen ? '+' : '-', detail: seen ? 'listed' : 'not listed' };
    }
    if (res.status === 200) return { result: '+', detail: '200' };
    if (res.status === 403 || res.status === 404) return { result: '-', detail: String(res.status) };
    // Anything else (a redirect, a 5xx) is neither a clean success nor a clean refusal.
    return { result: '+', detail: `status ${res.status} ${res.headers.location ?? ''}`.trim() };
  }
});

/** A published survey of the federation aimed at each enterprise of the fixture, open today. */
async function surveyPerEnterprise(app: INestApplication, enterprises: ObjectIds): Promise<ObjectIds> {
  const service = app.get(SurveysService);
  const admin = new Actor(1, 'Liên đoàn', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  const today = todayInVietnam();
  const ids = {} as ObjectIds;
  for (const column of COLUMNS) {
    const enterpriseId = enterprises[column];
    if (enterpriseId === null) {
      ids[column] = null;
      continue;
    }
    const survey = await service.create(admin, {
      title: `Khảo sát ${column}`,
      opensOn: today,
      closesOn: addDays(today, 5),
    });
    await service.addQuestion(admin, survey.id, {
      kind: QuestionKind.Single,
      text: 'Hỏi?',
      choices: 'Có\nKhông',
    });
    await service.setTargets(admin, survey.id, { enterpriseIds: [enterpriseId], unitIds: [] });
    await service.publish(admin, survey.id);
    ids[column] = survey.id;
  }
  return ids;
}
