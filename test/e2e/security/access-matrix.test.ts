import { INestApplication, Logger } from '@nestjs/common';
import request from 'supertest';
import { Actor } from '../../../src/common/access/actor';
import { Role, ScopeType } from '../../../src/common/access/roles';
import { addDays } from '../../../src/common/time/iso-date';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { QuestionKind } from '../../../src/engagement/surveys/entities/survey.entity';
import { SurveysService } from '../../../src/engagement/surveys/surveys.service';
import { DataSource } from 'typeorm';
import { buildEngagementObjects, EngagementObjects } from '../../support/engagement-fixture';
import { nestRoutes, routeName } from '../../support/security-routes';
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
  | 'surveys'
  /** A route with no object of its own (a list, a new form): asked once, in "own", for the role. */
  | 'none'
  | 'campaigns'
  | 'bookLogs'
  | 'commendations'
  | 'models';

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * With `:id` (or `:enterpriseId`) for the object; `:fileId`, `:roundId` and `:questionId` are the
   * object's own (engagement-fixture.ts). List routes (kind "records") look for the object's record.
   */
  path: string;
  kind: Kind;
  cells: Record<ActorName, string>;
  /**
   * A valid body for a write, so that the handler (not the validation pipe, which runs first) answers:
   * a write "succeeds" when it is not refused (403 or 404) — a 400 for a business rule (already
   * decided, already answered) comes after the access and scope checks.
   */
  body?: Record<string, unknown>;
  /** Which of the nomination's evidence files `:fileId` is (each removal takes its own). */
  file?: 'first' | 'second';
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
  ...ENGAGEMENT_ROWS(),
];

/**
 * Issue 15: every route of the engagement domain (surveys, campaigns, book logs, contests,
 * commendations, good models, honour roll, support), pages and API. Writes carry a valid body; the
 * rows that change an object for good (a decision, publishing, closing) come after its other rows.
 */
// prettier-ignore
function ENGAGEMENT_ROWS(): Row[] {
  const nomination = { achievement: 'Học sinh giỏi cấp tỉnh', childName: 'Con đã sửa' };
  const model = { title: 'Mô hình đã sửa', body: 'Câu chuyện đã sửa.' };
  const survey = { title: 'Khảo sát đã sửa', opensOn: '2099-01-01', closesOn: '2099-01-31' };
  const round = { name: 'Vòng 2', opensAt: '2099-04-21T08:00', closesAt: '2099-04-28T17:00' };
  return [
    //                                                                     worker   officer  editor   reviewer viewer   fed.adm  sys.adm
    // surveys: lists and new ones (no object of their own)
    row('GET /surveys', 'none',                                            '-....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /api/v1/surveys', 'none',                                     '-....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /surveys/mine', 'none',                                       '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /api/v1/surveys/mine', 'none',                                '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /surveys/new', 'none',                                        '-....', '-....', '-....', '-....', '+....', '+....', '-....'),
    with_(row('POST /surveys', 'none',                                     '-....', '-....', '-....', '-....', '+....', '+....', '-....'), survey),
    with_(row('POST /api/v1/surveys', 'none',                              '-....', '-....', '-....', '-....', '+....', '+....', '-....'), survey),
    // the survey-code pages are public (workers without an account, with a one-time code)
    row('GET /survey-code', 'none',                                        '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    with_(row('POST /survey-code', 'none',                                 '+....', '+....', '+....', '+....', '+....', '+....', '+....'), { code: 'ABCD-EFGH' }),
    row('GET /survey-code/answer', 'none',                                 '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    with_(row('POST /survey-code/answer', 'none',                          '+....', '+....', '+....', '+....', '+....', '+....', '+....'), { q_0: '0' }),
    row('GET /survey-code/thanks', 'none',                                 '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    // surveys: each enterprise's (the federation's; a department edits only its own)
    row('GET /api/v1/surveys/:id', 'surveys',                              '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /surveys/:id/codes', 'surveys',                               '.----', '.+---', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /surveys/:id/codes', 'surveys',                        '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), { count: 1 }),
    row('GET /api/v1/surveys/:id/form', 'surveys',                         '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /surveys/:id/answer', 'surveys',                       '.+---', '.----', '.----', '.----', '.----', '.----', '.----'), { q_0: '0' }),
    with_(row('POST /api/v1/surveys/:id/answers', 'surveys',               '.+---', '.----', '.----', '.----', '.----', '.----', '.----'), { answers: [] }),
    with_(row('POST /surveys/:id', 'surveys',                              '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), survey),
    with_(row('POST /surveys/:id/questions', 'surveys',                    '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { kind: 'TEXT', text: 'Góp ý?' }),
    with_(row('POST /api/v1/surveys/:id/questions', 'surveys',             '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { kind: 'TEXT', text: 'Góp ý?' }),
    row('POST /surveys/:id/questions/:questionId/delete', 'surveys',       '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    with_(row('POST /surveys/:id/targets', 'surveys',                      '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { enterpriseIds: 1 }),
    with_(row('PUT /api/v1/surveys/:id/targets', 'surveys',                '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { enterpriseIds: [1], unitIds: [] }),
    row('POST /surveys/:id/publish', 'surveys',                            '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    row('POST /api/v1/surveys/:id/publish', 'surveys',                     '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    // campaigns: lists and new ones
    row('GET /campaigns', 'none',                                          '+....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /api/v1/campaigns', 'none',                                   '+....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /campaigns/new', 'none',                                      '-....', '-....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /campaigns', 'none',                                         '-....', '-....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /api/v1/campaigns', 'none',                                  '-....', '-....', '-....', '-....', '-....', '+....', '-....'),
    // campaigns aimed at each commune: its workers and officers see it; the federation and
    // department viewers see every campaign (they follow the province's)
    row('GET /campaigns/:id', 'campaigns',                                 '.+.--', '.+.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
    row('GET /api/v1/campaigns/:id', 'campaigns',                          '.+.--', '.+.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
    row('GET /campaigns/:id/edit', 'campaigns',                            '.-.--', '.-.--', '.-.--', '.-.--', '.-.--', '.+.++', '.-.--'),
    row('POST /campaigns/:id', 'campaigns',                                '.-.--', '.-.--', '.-.--', '.-.--', '.-.--', '.+.++', '.-.--'),
    row('PUT /api/v1/campaigns/:id', 'campaigns',                          '.-.--', '.-.--', '.-.--', '.-.--', '.-.--', '.+.++', '.-.--'),
    row('GET /campaigns/:id/participation', 'campaigns',                   '.-.--', '.+.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
    row('GET /api/v1/campaigns/:id/participation', 'campaigns',            '.-.--', '.+.--', '.-.--', '.-.--', '.+.++', '.+.++', '.-.--'),
    // book logs: the worker's own, reviewed by their enterprise's officer
    row('GET /books', 'none',                                              '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /books/new', 'none',                                          '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('POST /books', 'none',                                             '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('POST /api/v1/book-logs', 'none',                                  '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /api/v1/book-logs/mine', 'none',                              '+....', '-....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /books/review', 'none',                                       '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /api/v1/book-logs', 'none',                                   '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /books/review/:id', 'bookLogs',                               '-----', '++---', '-----', '-----', '-----', '-----', '-----'),
    row('GET /api/v1/book-logs/:id', 'bookLogs',                           '-----', '++---', '-----', '-----', '-----', '-----', '-----'),
    with_(row('POST /books/review/:id/confirm', 'bookLogs',                '-----', '++---', '-----', '-----', '-----', '-----', '-----'), { hours: 2 }),
    with_(row('POST /api/v1/book-logs/:id/confirm', 'bookLogs',            '-----', '++---', '-----', '-----', '-----', '-----', '-----'), { hours: 2 }),
    with_(row('POST /books/review/:id/reject', 'bookLogs',                 '-----', '++---', '-----', '-----', '-----', '-----', '-----'), { reason: 'Cảm nhận quá ngắn' }),
    with_(row('POST /api/v1/book-logs/:id/reject', 'bookLogs',             '-----', '++---', '-----', '-----', '-----', '-----', '-----'), { reason: 'Cảm nhận quá ngắn' }),
    // contests: lists and new ones
    row('GET /contests', 'none',                                           '+....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /api/v1/contests', 'none',                                    '+....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /contests/new', 'none',                                       '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /contests', 'none',                                          '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /api/v1/contests', 'none',                                   '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    // contests of each enterprise (organised by its officer), their rounds and results
    row('GET /contests/:id/registrations', 'contests',                     '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
    row('GET /api/v1/contests/:id/questions', 'contests',                  '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /contests/:id/rounds/:roundId', 'contests',                   '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
    row('GET /api/v1/contests/:id/rounds/:roundId/ranking', 'contests',    '.----', '.+---', '.----', '.----', '.++--', '.++++', '.----'),
    row('GET /contests/:id/rounds/:roundId/attempt', 'contests',           '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    row('POST /contests/:id/register', 'contests',                         '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    row('POST /api/v1/contests/:id/register', 'contests',                  '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /contests/:id/registrations', 'contests',              '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), { workerIds: 1 }),
    with_(row('POST /api/v1/contests/:id/registrations', 'contests',       '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), { workerIds: [1] }),
    with_(row('POST /contests/:id/rounds', 'contests',                     '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), round),
    with_(row('POST /api/v1/contests/:id/rounds', 'contests',              '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), round),
    with_(row('POST /contests/:id/questions', 'contests',                  '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), { prompt: 'Câu hỏi?', options: 'A\nB', correct: '1' }),
    with_(row('POST /api/v1/contests/:id/questions', 'contests',           '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), { prompt: 'Câu hỏi?', options: ['A', 'B'], correct: [1] }),
    with_(row('POST /contests/:id/results', 'contests',                    '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), { roundId: ':roundId', workerId: 1, score: 90 }),
    with_(row('POST /api/v1/contests/:id/rounds/:roundId/results', 'contests', '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), { workerId: 1, score: 90 }),
    row('POST /contests/:id/rounds/:roundId/start', 'contests',            '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /contests/:id/rounds/:roundId/submit', 'contests',     '.+---', '.----', '.----', '.----', '.----', '.----', '.----'), {}),
    row('POST /api/v1/contests/:id/rounds/:roundId/attempt', 'contests',   '.+---', '.----', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /api/v1/contests/:id/rounds/:roundId/attempt/submit', 'contests', '.+---', '.----', '.----', '.----', '.----', '.----', '.----'), { answers: {} }),
    // commendations: lists, new nominations, the honour roll (every signed-in user)
    row('GET /engagement/commendations', 'none',                           '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('GET /api/v1/engagement/commendations', 'none',                    '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('GET /engagement/commendations/new', 'none',                       '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    row('POST /engagement/commendations', 'none',                          '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    row('POST /api/v1/engagement/commendations', 'none',                   '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    row('GET /engagement/honour-roll', 'none',                             '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    row('GET /api/v1/engagement/honour-roll', 'none',                      '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    // a pending nomination of each enterprise: read by its officers and the federation, edited by
    // its officers only, decided by the federation (the decision rows come last)
    row('GET /engagement/commendations/:id', 'commendations',              '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /api/v1/engagement/commendations/:id', 'commendations',       '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /engagement/commendations/:id/files/:fileId', 'commendations', '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /engagement/commendations/:id/edit', 'commendations',         '.----', '.+---', '.----', '.----', '.----', '.----', '.----'),
    with_(row('POST /engagement/commendations/:id', 'commendations',       '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), nomination),
    with_(row('PATCH /api/v1/engagement/commendations/:id', 'commendations', '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), nomination),
    row('POST /engagement/commendations/:id/files', 'commendations',       '.----', '.+---', '.----', '.----', '.----', '.----', '.----'),
    row('POST /engagement/commendations/:id/files/:fileId/delete', 'commendations', '.----', '.+---', '.----', '.----', '.----', '.----', '.----'),
    { ...row('DELETE /api/v1/engagement/commendations/:id/files/:fileId', 'commendations', '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), file: 'second' },
    with_(row('POST /engagement/commendations/:id/decision', 'commendations', '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { decision: 'APPROVED' }),
    with_(row('POST /api/v1/engagement/commendations/:id/decision', 'commendations', '.----', '.----', '.----', '.----', '.----', '.++++', '.----'), { decision: 'APPROVED' }),
    // good models: lists and new ones
    row('GET /engagement/models', 'none',                                  '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    row('GET /api/v1/engagement/models', 'none',                           '+....', '+....', '+....', '+....', '+....', '+....', '+....'),
    row('GET /engagement/models/new', 'none',                              '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /engagement/models', 'none',                                 '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    row('POST /api/v1/engagement/models', 'none',                          '-....', '+....', '-....', '-....', '-....', '+....', '-....'),
    // a draft of each enterprise: its officers and the federation read and edit it; published
    // (the last rows), everyone signed in reads it
    row('GET /engagement/models/:id', 'models',                            '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /engagement/models/:id/image', 'models',                      '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /engagement/models/:id/edit', 'models',                       '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'),
    with_(row('POST /engagement/models/:id', 'models',                     '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), model),
    with_(row('PATCH /api/v1/engagement/models/:id', 'models',             '.----', '.+---', '.----', '.----', '.----', '.++++', '.----'), model),
    row('POST /engagement/models/:id/publish', 'models',                   '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    row('POST /api/v1/engagement/models/:id/publish', 'models',            '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
    row('GET /engagement/models/:id', 'models',                            '.++++', '.++++', '.++++', '.++++', '.++++', '.++++', '.++++'),
    // enterprises' support: declared by the enterprise's officer, read in scope
    row('GET /engagement/support', 'none',                                 '-....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /api/v1/engagement/support', 'none',                          '-....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('GET /api/v1/engagement/support/totals', 'none',                   '-....', '+....', '-....', '-....', '+....', '+....', '-....'),
    row('POST /engagement/support', 'none',                                '-....', '+....', '-....', '-....', '-....', '-....', '-....'),
    with_(row('PUT /api/v1/engagement/support/:enterpriseId', 'enterprises', '.----', '.+---', '.----', '.----', '.----', '.----', '.----'), { year: 2025, fundsCommitted: 1000000, fundsSpent: 500000, paidStudyHours: 10, materialsSupplied: 5 }),
    // the surveys' last rows: closing one ends it for the rows above
    row('POST /surveys/:id/close', 'surveys',                              '.----', '.----', '.----', '.----', '.----', '.++++', '.----'),
  ];
}

function with_(r: Row, body: Record<string, unknown>): Row {
  return { ...r, body };
}

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
  let engagement: EngagementObjects;
  const questions = {} as Record<Column, number | null>;
  const browsers = {} as Record<ActorName, Browser>;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    fx = await buildSecurityFixture(app);
    surveys = await surveyPerEnterprise(app, fx.enterprises);
    engagement = await buildEngagementObjects(app, fx);
    for (const column of COLUMNS)
      questions[column] =
        surveys[column] === null
          ? null
          : Number(
              (
                await app
                  .get(DataSource)
                  .query('SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY id LIMIT 1', [
                    surveys[column],
                  ])
              )[0].id,
            );
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

  it('has every route of the engagement domain (issue 15), pages and API', () => {
    const engagement =
      /^\/(api\/v1\/)?(surveys|survey-code|campaigns|books|book-logs|contests|engagement)(\/|$)/;
    const listed = new Set(MATRIX.map((r) => `${r.method} ${r.path}`));
    const missing = nestRoutes(app)
      .filter((r) => engagement.test(r.path))
      .map(routeName)
      .filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
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
    switch (kind) {
      case 'records':
        return fx.workers;
      case 'surveys':
        return surveys;
      case 'none':
        return { own: 0, sameEnterprise: null, otherEnterprise: null, otherUnit: null, otherBranch: null };
      case 'campaigns':
      case 'bookLogs':
      case 'commendations':
      case 'models':
        return engagement[kind];
      default:
        return fx[kind];
    }
  }

  /** One cell: the actor asks for the column's object (or lists and looks for it). */
  async function ask(
    r: Row,
    actor: ActorName,
    column: Column,
  ): Promise<{ result: '+' | '-'; detail: string }> {
    const id = objectsOf(r.kind)[column]!;
    const path =
      r.path
        .replace(/:(id|enterpriseId)\b/, String(id))
        .replace(':fileId', String(engagement.evidence[r.file ?? 'first'][column]))
        .replace(':roundId', String(engagement.rounds[column]))
        .replace(':questionId', String(questions[column])) +
      (r.kind === 'records' ? '?size=100&year=2025' : '');
    const login = fx.logins[actor];
    const api = path.startsWith('/api/');
    const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let call: request.Test;
    if (api && login.token) {
      call = request(app.getHttpServer())[method](path);
      call = call.set('Authorization', `Bearer ${login.token}`);
    } else {
      const browser = browsers[actor];
      call =
        r.method === 'GET'
          ? browser.agent.get(path)
          : browser.agent[method](path).set('x-csrf-token', browser.csrf);
    }
    // ':roundId' in a body is the object's round, as in the path.
    const body =
      r.body &&
      Object.fromEntries(
        Object.entries(r.body).map(([k, v]) => [k, v === ':roundId' ? engagement.rounds[column] : v]),
      );
    if (body) call = api ? call.send(body) : call.type('form').send(formOf(body));
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

/** A body as a browser's form sends it: arrays as repeated fields. */
function formOf(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body))
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item));
  return form.toString();
}

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
