import { RENDER_METADATA } from '@nestjs/common/constants';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formViewTemplate } from '../forms/form-view';
import { VENDOR_ASSETS } from '../http/static-assets';

/**
 * Template names are strings: a renamed or missing .hbs compiles and fails only when the page is
 * opened. Every name a route renders must name a file under views/.
 */

const srcDir = join(__dirname, '..', '..');
const viewsDir = join(srcDir, '..', 'views');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const exists = (template: string) => existsSync(join(viewsDir, `${template}.hbs`));

/** The names given to @Render and @FormView, read from the decorators' metadata of every controller. */
async function decoratedTemplates(): Promise<{ where: string; template: string }[]> {
  const found: { where: string; template: string }[] = [];
  for (const file of sources(srcDir).filter((f) => readFileSync(f, 'utf8').includes('@Controller('))) {
    for (const exported of Object.values((await import(file)) as Record<string, unknown>)) {
      if (typeof exported !== 'function') continue;
      const proto = exported.prototype as Record<string, unknown> | undefined;
      if (!proto) continue;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
        if (typeof handler !== 'function') continue;
        const where = `${exported.name}.${name}`;
        const rendered = Reflect.getMetadata(RENDER_METADATA, handler) as string | undefined;
        if (rendered) found.push({ where: `@Render ${where}`, template: rendered });
        const form = formViewTemplate(handler);
        if (form) found.push({ where: `@FormView ${where}`, template: form });
      }
    }
  }
  return found;
}

/** Every `.render(` call in the source: its first argument, a quoted name or an expression. */
function renderCalls(): { where: string; argument: string }[] {
  return sources(srcDir).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?<!this)\.render\(\s*([^,)]+)/g)].map((m) => ({
      where: relative(srcDir, file),
      argument: m[1].trim(),
    })),
  );
}

describe('view templates', () => {
  it('exist for every @Render and @FormView', async () => {
    const templates = await decoratedTemplates();
    // Guards the scan itself: it must see the decorators it is meant to check.
    expect(templates.filter((t) => t.where.startsWith('@Render')).length).toBeGreaterThan(50);
    expect(templates.filter((t) => t.where.startsWith('@FormView')).length).toBeGreaterThan(50);
    expect(templates.filter((t) => !exists(t.template))).toEqual([]);
  });

  it('exist for every res.render', () => {
    const calls = renderCalls();
    const named = calls.filter((c) => /^'[^']+'$/.test(c.argument));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((c) => !exists(c.argument.slice(1, -1)))).toEqual([]);
    // A name the scan cannot read must come from a place checked above (FormView's re-render).
    expect(calls.filter((c) => !named.includes(c))).toEqual([
      { where: join('common', 'errors', 'all-exceptions.filter.ts'), argument: 'exception.template' },
    ]);
  });
});

/** Every .hbs under views/, with its path relative to views/. */
function viewFiles(dir = viewsDir): { name: string; text: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return viewFiles(path);
    return path.endsWith('.hbs')
      ? [{ name: relative(viewsDir, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

describe('static files in views', () => {
  const publicDir = join(srcDir, '..', 'public');
  const known = (name: string) => name in VENDOR_ASSETS || existsSync(join(publicDir, name));

  it('are named through {{asset}}, so their addresses change with their content', () => {
    const views = viewFiles();
    expect(views.length).toBeGreaterThan(100);
    const literal = views.filter((v) => /(?:src|href)="\/public\//.test(v.text)).map((v) => v.name);
    expect(literal).toEqual([]);
    const named = views.flatMap((v) =>
      [...v.text.matchAll(/\{\{asset "([^"]+)"\}\}/g)].map((m) => ({ view: v.name, asset: m[1] })),
    );
    expect(named.map((n) => n.asset)).toEqual(
      expect.arrayContaining(['css/app.css', 'vendor/chartjs/chart.umd.js', 'js/job-progress.js']),
    );
    expect(named.filter((n) => !known(n.asset))).toEqual([]);
  });

  it('load Chart.js only from the page that draws charts', () => {
    const loading = viewFiles()
      .filter((v) => v.text.includes('vendor/chartjs/'))
      .map((v) => v.name);
    expect(loading.sort()).toEqual(
      [join('engagement', 'surveys', 'results.hbs'), join('indicators', 'dashboard', 'index.hbs')].sort(),
    );
  });
});

describe('forms in views', () => {
  it('never put the CSRF token in an address, and carry it first in multipart forms', () => {
    const views = viewFiles();
    const inAddress = views.filter((v) => /_csrf=|(?:action|href)="[^"]*csrfToken/.test(v.text));
    expect(inAddress.map((v) => v.name)).toEqual([]);
    const multipart = views.flatMap((v) =>
      [...v.text.matchAll(/<form\b[^>]*enctype="multipart\/form-data"[^>]*>\s*([^\n]*)/g)].map((m) => ({
        view: v.name,
        first: m[1].trim(),
      })),
    );
    expect(multipart.length).toBeGreaterThanOrEqual(6);
    // Fields arrive in the form's order: the token comes before the file, which is checked on arrival.
    expect(multipart.filter((f) => f.first !== '{{> csrf}}')).toEqual([]);
  });
});

describe('tables in views', () => {
  // axe: scrollable-region-focusable. A table frame scrolls sideways on a phone.
  it('sit in frames a keyboard can reach, each a named region', () => {
    const frames = viewFiles().flatMap((v) =>
      [...v.text.matchAll(/<div class="table-wrap"[^>]*>/g)].map((m) => ({ view: v.name, tag: m[0] })),
    );
    expect(frames.length).toBeGreaterThan(30);
    const bare = frames.filter(
      (f) =>
        !/ role="region"/.test(f.tag) || !/ tabindex="0"/.test(f.tag) || !/ aria-label="[^"]+"/.test(f.tag),
    );
    expect(bare).toEqual([]);
  });

  it('in a lesson’s text can take the focus too', () => {
    const unescaped = viewFiles().flatMap((v) =>
      [...v.text.matchAll(/\{\{\{([^}]*bodyHtml[^}]*)\}\}\}/g)].map((m) => ({
        view: v.name,
        expression: m[1],
      })),
    );
    expect(unescaped.length).toBeGreaterThanOrEqual(3);
    expect(unescaped.filter((u) => !u.expression.startsWith('focusableTables '))).toEqual([]);
  });
});
