import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import type { Store } from 'express-session';
import helmet from 'helmet';
import hbs from 'hbs';
import { Logger } from 'nestjs-pino';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import passport from 'passport';
import { ApiTokensService } from './auth/api-tokens.service';
import { SESSION_COOKIE, LOCALE_COOKIE } from './auth/auth.controller';
import { SESSION_STORE } from './auth/session-store.provider';
import { Role } from './common/access/roles';
import { toLocale, translate } from './common/i18n/i18n';
import { LOCALES } from './common/i18n/messages';
import { apiTokenAuthentication, unlessBearer } from './common/http/bearer-auth';
import { compressWholeBodies } from './common/http/compression.middleware';
import { replicaReads } from './common/http/replica-reads.middleware';
import { csrfValid, generateToken, XSRF_COOKIE } from './common/http/csrf';
import { AppRequest } from './common/http/request';
import { StaticAssets, VENDOR_ASSETS } from './common/http/static-assets';
import { registerViewHelpers } from './common/views/view-helpers';
import { appConfig, AppConfig, databaseConfig, DatabaseConfig } from './config';
import { BullJobQueue } from './jobs/adapters/bull-job.queue';
import { JobQueue } from './jobs/job-queue';

export const PROJECT_ROOT = join(__dirname, '..');
export const QUEUE_DASHBOARD = '/admin/queues';
export const API_DOCS = '/api/docs';
/** Every address SwaggerModule serves (the viewer, its assets, the document as JSON and YAML). */
const API_DOCS_PATHS = /^\/api\/docs(?:[/-]|$)/;
const BODY_LIMIT = '1mb';

/**
 * The HTTP pipeline of the web process, in the order a request meets it. main.ts and the
 * end-to-end tests both call this, so tests exercise exactly what users get.
 */
export function configureApp(nestApp: INestApplication): void {
  const app = nestApp as NestExpressApplication;
  const config = app.get<AppConfig>(appConfig.KEY);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          // Lesson videos are this application's files only: no remote players or streams.
          mediaSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: config.cookieSecure,
    }),
  );

  const assets = new StaticAssets({
    root: join(PROJECT_ROOT, 'public'),
    extra: Object.fromEntries(
      Object.entries(VENDOR_ASSETS).map(([name, path]) => [name, join(PROJECT_ROOT, path)]),
    ),
    watch: config.env === 'development',
  });
  app.use(assets.middleware());
  configureViews(app, assets);

  app.use(cookieParser());
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // Pages follow the language switch (a cookie); API clients may ask with Accept-Language.
    const asked = req.path.startsWith('/api/') ? req.acceptsLanguages(...LOCALES) : undefined;
    (req as AppRequest).locale = toLocale(req.cookies?.[LOCALE_COOKIE] ?? asked);
    next();
  });
  // A request with a bearer is an API client's: the token decides who it is, its cookies do not.
  app.use(apiTokenAuthentication(app.get(ApiTokensService)));
  app.use(
    unlessBearer(
      session({
        name: SESSION_COOKIE,
        secret: config.sessionSecret,
        store: app.get<Store>(SESSION_STORE),
        resave: false,
        saveUninitialized: false,
        rolling: true,
        cookie: {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          maxAge: config.sessionIdleMinutes * 60_000,
        },
      }),
    ),
  );
  app.use(passport.initialize());
  app.use(unlessBearer(passport.session()));
  app.use(compressWholeBodies());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  const database = app.get<DatabaseConfig>(databaseConfig.KEY);
  if (database.type === 'mysql' && database.replicaUrls.length > 0) {
    app.use(replicaReads(database.primaryAfterWriteSeconds, config.cookieSecure));
  }

  mountQueueDashboard(app, config);
  mountApiDocs(app, config);
}

function configureViews(app: NestExpressApplication, assets: StaticAssets): void {
  const viewsDir = join(PROJECT_ROOT, 'views');
  app.setBaseViewsDir(viewsDir);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  registerViewHelpers(hbs.handlebars as never);
  // {{asset "css/app.css"}} → /public/css/app.<hash>.css; an unknown name fails the page, not the phone.
  hbs.registerHelper('asset', (name: string) => assets.url(name));
  registerPartials(join(viewsDir, 'partials'));
}

/** Registered synchronously (hbs's own loader is asynchronous and can miss the first request). */
function registerPartials(dir: string, base = dir): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) registerPartials(path, base);
    else if (entry.endsWith('.hbs')) {
      hbs.registerPartial(
        relative(base, path)
          .replace(/\\/g, '/')
          .replace(/\.hbs$/, ''),
        readFileSync(path, 'utf8'),
      );
    }
  }
}

/**
 * Bull's dashboard, for system admins only; present when jobs run on Redis. It is mounted on
 * Express, before Nest's middleware, so it checks access and CSRF itself: every state-changing
 * request (pause, resume, retry, clean, add a job…) must carry the session's CSRF token. Its script
 * sends it by itself: axios copies the `XSRF-TOKEN` cookie into an `X-XSRF-TOKEN` header on
 * same-origin requests, and every GET of the dashboard hands out that cookie.
 */
function mountQueueDashboard(app: NestExpressApplication, config: AppConfig): void {
  const queue = app.get(JobQueue);
  if (!(queue instanceof BullJobQueue)) return;
  // Loaded lazily: the embedded default never needs it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createBullBoard } = require('@bull-board/api');
  const { BullAdapter } = require('@bull-board/api/bullAdapter');
  const { ExpressAdapter } = require('@bull-board/express');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD);
  createBullBoard({ queues: [new BullAdapter(queue.queue, { readOnlyMode: false })], serverAdapter });
  const board = serverAdapter.getRouter() as express.Express;
  board.disable('x-powered-by');
  app.use(
    QUEUE_DASHBOARD,
    (req: Request, res: Response, next: NextFunction) => {
      const actor = (req as AppRequest).user;
      if (!actor) return res.redirect(303, '/login');
      const locale = (req as AppRequest).locale;
      if (!actor.has(Role.SystemAdmin))
        return res.status(403).json({ statusCode: 403, message: translate(locale, 'error.403') });
      if (!csrfValid(req))
        return res.status(403).json({ statusCode: 403, message: translate(locale, 'error.csrf') });
      if (req.method === 'GET')
        res.cookie(XSRF_COOKIE, generateToken(req), {
          path: QUEUE_DASHBOARD,
          sameSite: 'strict',
          secure: config.cookieSecure,
          httpOnly: false, // read by the dashboard's script, which sends it back as a header
        });
      // The dashboard is a single-page app with inline bootstrapping.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      );
      next();
    },
    board,
  );
}

/**
 * The OpenAPI document and its viewer under /api/docs. They are mounted on Express, outside Nest's
 * guard, so they check access here: signed-in callers only (a session, or an API token for the
 * document), unless API_DOCS_PUBLIC is on. The whole prefix is covered — the viewer's script
 * (swagger-ui-init.js) embeds the document too.
 */
function mountApiDocs(app: NestExpressApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hoctap API')
      .setDescription(
        'JSON API for integrations. Authenticate with a personal API token: `Authorization: Bearer htp_…` ' +
          '(create one under Account → API tokens). Errors carry a message in Vietnamese, or English with `Accept-Language: en`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  if (!config.apiDocsPublic) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (!API_DOCS_PATHS.test(req.path) || (req as AppRequest).user) return next();
      const appReq = req as AppRequest;
      // The viewer is a page: sign in and come back. Its assets and the document answer 401.
      if (req.method === 'GET' && /^\/api\/docs\/?(?:index\.html)?$/.test(req.path)) {
        if (appReq.session) appReq.session.returnTo = req.originalUrl;
        return res.redirect(303, '/login');
      }
      res.status(401).json({ statusCode: 401, message: translate(appReq.locale, 'error.401') });
    });
  }
  SwaggerModule.setup(API_DOCS.slice(1), app, document, {
    jsonDocumentUrl: `${API_DOCS.slice(1)}/openapi.json`,
    yamlDocumentUrl: `${API_DOCS.slice(1)}/openapi.yaml`,
  });
}
