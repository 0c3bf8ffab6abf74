import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROLLUP_READS } from './indicators/rollup.repository';

/*
 * The rules of docs/architecture.md, checked on the source itself: imports point down the layers,
 * folders form no cycle, and a domain names in its SQL only the tables it owns, apart from the
 * documented read models. A failure names the file and what it reached for.
 */

/** The picture in docs/architecture.md, bottom (0) to top. */
const LAYERS: Record<string, number> = {
  config: 0,
  common: 0,
  database: 0,
  jobs: 1,
  files: 1,
  imports: 1,
  audit: 1,
  notices: 1,
  'pii-access': 1,
  organisations: 2,
  users: 2,
  auth: 3,
  workers: 4,
  'learning-records': 4,
  catalog: 4,
  materials: 4,
  learning: 5,
  activities: 5,
  citizenship: 5,
  indicators: 6,
  privacy: 6,
  assignments: 6,
  engagement: 6,
  reports: 7,
  history: 7,
  accounts: 7,
  home: 7,
  health: 7,
  // Entry points: they wire everything and nothing imports them.
  seed: 8,
  cli: 8,
  'messages.ts': 8,
  'app.module.ts': 8,
  'app.setup.ts': 8,
  'startup.ts': 8,
  'main.ts': 9,
  'worker.ts': 9,
};

/** Folders whose files may name any table: the schema's history and the entry points. */
const ANY_TABLE = new Set(['database', 'seed', 'cli']);

/**
 * The documented read models (docs/architecture.md, "How one domain reads another's data"): the
 * file and the other domains' tables it may name. Anything else is a domain reaching into another's
 * tables.
 */
const READ_MODELS: Record<string, string[]> = {
  'indicators/rollup.repository.ts': Object.keys(ROLLUP_READS),
};

const SRC = __dirname;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const topOf = (file: string): string => relative(SRC, file).split(sep)[0];

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every import from one top-level folder (or file) of src/ into another. */
function folderImports(): { from: string; to: string; file: string }[] {
  return sourceFiles().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((m) => {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (!target) return [];
      const [from, to] = [topOf(file), topOf(target)];
      return from === to ? [] : [{ from, to, file: relative(SRC, file) }];
    }),
  );
}

/** Folders on a cycle of imports (Tarjan's strongly connected components of more than one). */
function cycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do component.push((member = stack.pop()!));
      while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Which top-level folder owns each table: the folder of its @Entity. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@Entity\(\s*'([a-z_]+)'/g)) owners.set(m[1], topOf(file));
    for (const m of text.matchAll(/@JoinTable\(\{\s*name:\s*'([a-z_]+)'/g)) owners.set(m[1], topOf(file));
  }
  return owners;
}

/** The code of a file without its comments, which may well say "reads from workers". */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The tables a file names in SQL (FROM/JOIN/INTO/UPDATE …) or in query-builder calls. */
function tablesNamed(code: string, tables: string[]): Set<string> {
  const text = withoutComments(code);
  const named = new Set<string>();
  const alternatives = tables.join('|');
  const sql = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+\`?(${alternatives})\\b`, 'gi');
  const builder = new RegExp(
    `\\.(?:from|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|into|update|insertInto)\\(\\s*['"](${alternatives})['"]`,
    'g',
  );
  for (const m of text.matchAll(sql)) named.add(m[1].toLowerCase());
  for (const m of text.matchAll(builder)) named.add(m[1]);
  return named;
}

describe('the architecture (docs/architecture.md)', () => {
  const imports = folderImports();

  it('knows the layer of every top-level folder of src/', () => {
    const tops = readdirSync(SRC).filter((name) => !name.endsWith('.spec.ts'));
    expect(tops.filter((name) => LAYERS[name] === undefined)).toEqual([]);
  });

  it('has no import that points up the layers', () => {
    const upward = imports
      .filter(({ from, to }) => LAYERS[to] > LAYERS[from])
      .map(({ from, to, file }) => `${file}: ${from} (${LAYERS[from]}) imports ${to} (${LAYERS[to]})`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(imports)).toEqual([]);
  });

  it('names in SQL only the tables a domain owns, apart from the documented read models', () => {
    const owners = tableOwners();
    expect(owners.size).toBeGreaterThan(50);
    const tables = [...owners.keys()].sort((a, b) => b.length - a.length);
    const reaches: string[] = [];
    for (const file of sourceFiles()) {
      const domain = topOf(file);
      if (ANY_TABLE.has(domain)) continue;
      const path = relative(SRC, file).split(sep).join('/');
      const allowed = new Set(READ_MODELS[path] ?? []);
      for (const table of tablesNamed(readFileSync(file, 'utf8'), tables)) {
        if (owners.get(table) !== domain && !allowed.has(table))
          reaches.push(`${path} names ${table} (owned by ${owners.get(table)})`);
      }
    }
    expect(reaches).toEqual([]);
  });

  it('finds a reach when a file names another domain’s table', () => {
    const named = tablesNamed("qb.from('employments', 'e').innerJoin('users', 'u')", [
      'employments',
      'users',
    ]);
    expect([...named].sort()).toEqual(['employments', 'users']);
    expect([...tablesNamed('SELECT 1 FROM `workers` w', ['workers'])]).toEqual(['workers']);
    expect([
      ...tablesNamed('/** Reads from workers. */\n// join users\nconst a = 1;', ['workers', 'users']),
    ]).toEqual([]);
  });
});
