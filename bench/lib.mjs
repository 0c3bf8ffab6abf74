// Shared pieces of `npm run bench`: child processes, the load generator, sign-in over HTTP, figures.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A Node process of the suite, its output kept for when it fails. */
export function startNode(script, args, env, name, { nodeFlags = [], ...options } = {}) {
  return startProgram(process.execPath, [...nodeFlags, script, ...args], env, name, options);
}

/** Any program of the suite (node, mariadbd, redis-server), its output kept for when it fails. */
export function startProgram(command, args, env, name, { keep = 20_000 } = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk) => (output = (output + chunk.toString()).slice(-keep));
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 2xx, at most `timeoutMs`; fails with the process's output if it exits. */
export async function waitForUrl(url, proc, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${proc.output()}`);
}

/**
 * One load run by autocannon in its own process (bench/load.mjs), so that the generator does not
 * share a CPU budget with the suite. Returns { rps, p50, p99, errors, non2xx, requests }.
 */
export async function load(options) {
  const proc = startNode(join(ROOT, 'bench', 'load.mjs'), [JSON.stringify(options)], {}, 'autocannon');
  const code = await proc.exited;
  if (code !== 0) throw new Error(`autocannon failed:\n${proc.output()}`);
  const lines = proc.output().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Peak resident memory of a process (Linux VmHWM), in MB. */
export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** A signed-in cookie jar for hoctap's form sign-in (GET /login for the CSRF token, then POST). */
export class HttpSession {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
  }

  get cookie() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(path, init = {}) {
    const response = await fetch(this.baseUrl + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: this.cookie },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  /** Posts a form with the CSRF token of the page at `formPath`; returns the answer. */
  async submit(formPath, path, fields) {
    const page = await (await this.request(formPath)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${formPath}`);
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }

  async login(username, password) {
    const answer = await this.submit('/login', '/login', { username, password });
    if (answer.status !== 302 && answer.status !== 303)
      throw new Error(`sign-in of ${username} answered ${answer.status}`);
  }

  /** A new personal API token of the signed-in account (shown once on the tokens page). */
  async createToken(name) {
    const answer = await this.submit('/account/tokens', '/account/tokens', { name });
    const page = await answer.text();
    const token = /<code class="secret">([^<]+)<\/code>/.exec(page)?.[1];
    if (!token) throw new Error(`no token created (answer ${answer.status})`);
    return token;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value below which `p` (0–1) of the values lie (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Waits until `check` resolves truthy, at most `timeoutMs`; throws `what` otherwise. */
export async function waitFor(what, check, timeoutMs = 60_000, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    // everyMs 0: ask again at once (a replica's lag is measured in tenths of a millisecond).
    await new Promise((resolve) => (everyMs > 0 ? setTimeout(resolve, everyMs) : setImmediate(resolve)));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (${last.message})` : ''}`);
}

/** Lowest and highest, as "a–b". */
export function spread(values, digits = 3) {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** The machine's load averages (1, 5, 15 min) and CPU count, printed with the figures. */
export function machineLoad() {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}
