import { INestApplication } from '@nestjs/common';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { AuthService } from '../../src/auth/auth.service';
import { Role } from '../../src/common/access/roles';
import { UsersRepository } from '../../src/users/users.repository';
import { AppRoute } from './security-input-routes';
import { Browser } from './test-app';

/** A signed-in demo user as the security tests use them: session cookie, its CSRF token, an API token. */
export interface Caller {
  username: string;
  roles: Role[];
  cookie: string;
  csrf: string;
  token?: string;
}

/** One demo login per role (README, "Demo logins"). */
export const DEMO_USERS = [
  'admin',
  'liendoan',
  'so.gddt',
  'congdoan.tamphat',
  'truong.caodang',
  'khuyenhoc.tinh',
  'nguoilaodong',
];

/** The session cookie (`hoctap.sid=…`) a Browser holds, and the CSRF token of its last page. */
export function sessionOf(browser: Browser): { cookie: string; csrf: string } {
  const value = browser.agent.jar.getCookie('hoctap.sid', {
    path: '/',
    domain: '127.0.0.1',
    secure: false,
    script: false,
  })?.value;
  if (!value || !browser.csrf) throw new Error('no session or CSRF token');
  return { cookie: `hoctap.sid=${value}`, csrf: browser.csrf };
}

export async function signIn(app: INestApplication, username: string, withToken = true): Promise<Caller> {
  const browser = new Browser(app);
  await browser.login(username);
  await browser.get('/account');
  const user = await app.get(UsersRepository).findForLogin({ username });
  if (!user) throw new Error(`no demo user ${username}`);
  const actor = await app.get(AuthService).actorOf(user);
  const roles = actor.roles;
  // Workers have no API tokens; their API calls go with the session and the CSRF header.
  const token =
    roles.includes(Role.Worker) || !withToken
      ? undefined
      : (await app.get(ApiTokensService).create(actor, 'security test')).token;
  return { username, roles, token, ...sessionOf(browser) };
}

/** A visitor who has loaded the sign-in page: a session with a CSRF token, nobody signed in. */
export async function anonymousSession(app: INestApplication): Promise<Caller> {
  const browser = new Browser(app);
  await browser.get('/login');
  return { username: '(anonymous)', roles: [], ...sessionOf(browser) };
}

/** Who may call the route: anyone with one of its roles (everyone signed in for @SignedIn). */
export function callersFor(route: AppRoute, callers: Caller[], anonymous: Caller): Caller[] {
  if (route.access === 'PUBLIC') return [anonymous, ...callers];
  if (route.access === 'SIGNED_IN') return callers;
  const allowed = route.access;
  return callers.filter((c) => c.roles.some((r) => allowed.includes(r)));
}
