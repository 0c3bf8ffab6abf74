// The Handlebars that hbs itself loads (one copy in node_modules), fresh so nothing leaks into other tests.
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../messages';
import { translate } from '../common/i18n/i18n';
import { registerViewHelpers } from '../common/views/view-helpers';
import { ImportStatus } from './entities/import-run.entity';
import { importState } from './import-state';

const imp = (status: ImportStatus) => ({
  status,
  finished: status === ImportStatus.Completed || status === ImportStatus.Failed,
});

describe(importState.name, () => {
  it('follows the job while the import runs, so the badge never lags the bar', () => {
    // The job has started; the import row turns RUNNING only once the file is open.
    expect(importState(imp(ImportStatus.Queued), { status: 'RUNNING' })).toMatchObject({
      state: 'RUNNING',
      label: 'roster.status.RUNNING',
      tone: 'warn',
      finished: false,
    });
    expect(importState(imp(ImportStatus.Queued), { status: 'QUEUED' }).state).toBe('QUEUED');
    expect(importState(imp(ImportStatus.Running), { status: 'RETRYING' }).state).toBe('RETRYING');
    // A job that gave up leaves the import unfinished: the page says it failed, and stops waiting.
    expect(importState(imp(ImportStatus.Running), { status: 'FAILED' })).toMatchObject({
      state: 'FAILED',
      finished: true,
    });
  });

  it('says how a finished import ended, whatever the job says', () => {
    expect(importState(imp(ImportStatus.Completed), { status: 'RUNNING' })).toMatchObject({
      state: 'COMPLETED',
      tone: 'ok',
      finished: true,
    });
    expect(importState(imp(ImportStatus.Failed), { status: 'COMPLETED' }).state).toBe('FAILED');
  });

  it('falls back on the import itself when the job is not the viewer’s to watch', () => {
    expect(importState(imp(ImportStatus.Running), null).state).toBe('RUNNING');
  });

  it('has a Vietnamese and an English label for every state', () => {
    for (const state of ['QUEUED', 'RUNNING', 'RETRYING', 'COMPLETED', 'FAILED'])
      for (const locale of ['vi', 'en'] as const)
        expect(translate(locale, `roster.status.${state}`)).not.toContain('roster.status');
  });
});

/** The two import pages as the app renders them, with the layout's helpers and partials. */
function renderer() {
  const hbs = Handlebars.create();
  registerViewHelpers(hbs as never);
  hbs.registerHelper('asset', (name: string) => `/public/${name}`);
  const partials = join(__dirname, '..', '..', 'views', 'partials');
  for (const file of readdirSync(partials))
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partials, file), 'utf8'));
  return (view: string, context: Record<string, unknown>) =>
    hbs.compile(readFileSync(join(__dirname, '..', '..', 'views', `${view}.hbs`), 'utf8'))({
      locale: 'vi',
      csrfToken: 'x',
      ...context,
    });
}

describe('import pages', () => {
  const render = renderer();
  const stateIn = (html: string) => ({
    badge: /data-import-state="[^"]*">([^<]+)</.exec(html)?.[1],
    bar: /data-role="status">([^<]+)</.exec(html)?.[1],
  });

  it.each(['workers/import', 'activities/import'])(
    '%s says the same in its badge and beside its progress bar',
    (view) => {
      const run = { id: 7, status: 'RUNNING', progress: 0, finished: false };
      const status = importState(imp(ImportStatus.Queued), run);
      const html = render(view, {
        imp: { id: 3, originalName: 'ds.xlsx', createdAt: new Date(), status: ImportStatus.Queued },
        run,
        status,
        finished: status.finished,
        errors: { total: 0, items: [] },
        path: '/activities/1/imports/3',
      });
      expect(stateIn(html)).toEqual({ badge: 'Đang nhập', bar: 'Đang nhập' });
      expect(html).toContain('data-status="RUNNING"');
    },
  );
});
