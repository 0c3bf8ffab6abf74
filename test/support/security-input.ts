import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { Agent, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';

/**
 * Building blocks of the security tests: a keep-alive HTTP client for an in-process server, hostile
 * values for fast-check, and row counts of every table.
 */

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Path and query, already encoded (it may hold deliberately broken percent-encoding). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** The app listening on a free local port, with a keep-alive client that sends exactly the bytes given. */
export class RawClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });

  private constructor(private readonly port: number) {}

  static async start(app: INestApplication): Promise<RawClient> {
    await app.listen(0, '127.0.0.1');
    const server = app.getHttpServer() as Server;
    return new RawClient((server.address() as AddressInfo).port);
  }

  close(): void {
    this.agent.destroy();
  }

  send(req: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const body =
        req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method: req.method,
          path: req.path,
          agent: this.agent,
          headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...req.headers },
          // Send the path as given: the point is to try broken ones.
          insecureHTTPParser: true,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      if (body) outgoing.write(body);
      outgoing.end();
    });
  }
}

/** The number of rows in every table, in one query (cheap enough to run after every request). */
export class RowCounter {
  private sql = '';
  tables: string[] = [];

  constructor(private readonly db: DataSource) {}

  async init(): Promise<void> {
    const rows = (await this.db.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )) as { name: string }[];
    this.tables = rows.map((r) => r.name);
    this.sql = `SELECT ${this.tables.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ')}`;
  }

  async counts(): Promise<Record<string, number>> {
    const [row] = (await this.db.query(this.sql)) as Record<string, number>[];
    return row;
  }
}

/** Tables whose counts differ between two snapshots, ignoring the given ones. */
export function changedTables(
  before: Record<string, number>,
  after: Record<string, number>,
  ignore: readonly string[],
): string[] {
  return Object.keys(after).filter((t) => !ignore.includes(t) && before[t] !== after[t]);
}

// ---------------------------------------------------------------------------------------------
// Hostile values

export const HUGE_STRINGS = [
  'A'.repeat(100_000),
  'Nguyễn Văn Ấn '.repeat(7_200), // ~100 kB of Vietnamese
  '<'.repeat(100_000),
  '9'.repeat(100_000),
];

export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; DROP TABLE users; --',
  "' UNION SELECT password_hash, username FROM users --",
  '" OR ""="',
  "admin'--",
  '1 AND SLEEP(5)',
  "'; WAITFOR DELAY '0:0:5'--",
  '%27%20OR%201%3D1',
  '\\',
  "\\'",
  '`',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg onload=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '{{#each this}}{{/each}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '\r\nSet-Cookie: a=b',
  '%00',
  '*',
  '%',
  '_',
];

export const BAD_UNICODE = [
  '\uD800',
  '\uDFFF',
  'a\uD83Dz',
  '\uDC00\uD800',
  '\u0000',
  'abc\u0000def',
  '\u202Egnp.exe',
  'Nguy\u202Eễn',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Nguye\u0302\u0303n', // decomposed
  '\uFFFE\uFFFF',
  '\u{1F600}\u{1F4A9}',
  '\u0085\u2028\u2029',
  '\u001B[31m',
  'ǅ\u00A0\u3000',
];

export const BAD_DATES = [
  '2025-02-30',
  '2025-13-01',
  '2025-00-10',
  '0000-00-00',
  '9999-99-99',
  '31/02/2025',
  '2025-02-28T25:61:61Z',
  '2025-02-28T10:00:00+99:00',
  '+275760-09-14',
  '-271821-04-19',
  '1e10',
  'NaN',
  '2025',
  '2025-1-1',
  '01/01/1900',
  '1899-12-31',
  '3000-01-01',
  '2025-02-29',
  ' 2025-01-01 ',
  '2025-01-01T00:00:00.000000000000000Z',
];

export const BAD_NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '-1e309',
  '9007199254740993',
  '99999999999999999999999',
  '0x1F',
  '0b101',
  '1,5',
  '1.5.5',
  '١٢٣',
  '-1',
  '0',
  '2147483648',
  '-2147483649',
  '1e-400',
  '.5',
  '5.',
  '+5',
  '',
  ' ',
];

/** Strings a person or an attacker might type into any field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTION_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...BAD_UNICODE), weight: 3 },
  { arbitrary: fc.constantFrom(...BAD_DATES), weight: 2 },
  { arbitrary: fc.constantFrom(...BAD_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom(...HUGE_STRINGS), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...INJECTION_STRINGS), fc.constantFrom(...BAD_UNICODE))
      .map(([a, b]) => a + b),
    weight: 1,
  },
);

/** Any JSON value, of the wrong type as often as not; deep nesting and prototype keys included. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString, weight: 5 },
    { arbitrary: fc.integer({ min: -2_147_483_649, max: 2_147_483_649 }), weight: 2 },
    { arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1e300, -1e-300, 0.1), weight: 1 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc.dictionary(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'role'),
          fc.string({ maxLength: 8 }),
        ),
        tie('value'),
        { maxKeys: 4 },
      ),
      weight: 1,
    },
  ),
})).value;

/** Values for an id in a path: wrong types, overflows, and ids that exist nowhere (sent encoded). */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('999999', '2147483647', '-1', '0'), weight: 4 },
  {
    arbitrary: fc
      .constantFrom(
        '99999999999999999999',
        '1e3',
        '1.5',
        '0x10',
        'NaN',
        'null',
        'undefined',
        '[]',
        "1' OR '1'='1",
        '1;DROP TABLE users',
        '１２３',
        ' 7',
        '7 ',
      )
      .map(encodeHostile),
    weight: 4,
  },
  // Broken or tricky percent-encoding, sent as is.
  {
    arbitrary: fc.constantFrom('%00', '%2e%2e%2f', '%E0%A4%A', '%C0%AF', '%FF%FE', '%', '%u0031'),
    weight: 2,
  },
  { arbitrary: hostileString.map(encodeHostile), weight: 2 },
);

/**
 * Percent-encodes a string for a URL even when it holds lone surrogates (encodeURIComponent
 * throws on those): each UTF-16 code unit that is not ASCII-safe goes out as its WTF-8 bytes.
 */
export function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate: encode by hand below.
  }
  let out = '';
  for (const char of value) {
    if (/^[A-Za-z0-9\-_.~]$/.test(char)) out += char;
    else {
      const code = char.codePointAt(0)!;
      const bytes =
        code >= 0xd800 && code <= 0xdfff
          ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          : [...Buffer.from(char, 'utf8')];
      out += bytes.map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
    }
  }
  return out;
}

/** An x-www-form-urlencoded body; lone surrogates are sent as raw (invalid) UTF-8 bytes. */
export function formBody(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join('&');
}

/** Bodies that no parser should accept, or that stretch one (sent with the given content type). */
export const BROKEN_BODIES: { contentType: string; body: string | Buffer }[] = [
  { contentType: 'application/json', body: '{"title": ' },
  { contentType: 'application/json', body: '{title: "x"}' },
  { contentType: 'application/json', body: "{'a': 1}" },
  { contentType: 'application/json', body: '{"a": 1,}' },
  { contentType: 'application/json', body: '[1, 2, 3]' },
  { contentType: 'application/json', body: '"just a string"' },
  { contentType: 'application/json', body: '12' },
  { contentType: 'application/json', body: 'null' },
  { contentType: 'application/json', body: '{"a": 1e309, "b": -0, "c": 1e-400}' },
  {
    contentType: 'application/json',
    body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
  },
  { contentType: 'application/json', body: '{"a": "\\ud800", "b": "\\u0000"}' },
  { contentType: 'application/json', body: '['.repeat(5_000) + ']'.repeat(5_000) },
  { contentType: 'application/json', body: '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000) },
  { contentType: 'application/json', body: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) },
  { contentType: 'application/json; charset=utf-16', body: '{}' },
  { contentType: 'application/json; charset=nonsense', body: '{}' },
  { contentType: 'application/json', body: '{"a": "' + 'x'.repeat(1_100_000) + '"}' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a=%E0%A4%A&b=%' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a[b][c][d]=1&a[__proto__][x]=1' },
  {
    contentType: 'application/x-www-form-urlencoded',
    body: Array.from({ length: 2_000 }, (_, i) => `f${i}=1`).join('&'),
  },
  { contentType: 'application/x-www-form-urlencoded', body: 'title=' + 'x'.repeat(1_100_000) },
  { contentType: 'application/x-www-form-urlencoded', body: '&&&===&=&' },
  { contentType: 'application/x-www-form-urlencoded', body: Buffer.from([0x61, 0x3d, 0xc0, 0xaf, 0xff]) },
  { contentType: 'application/x-www-form-urlencoded; charset=koi8-r', body: 'a=b' },
  {
    contentType: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  },
  { contentType: 'text/plain', body: 'title=hello' },
  { contentType: 'application/octet-stream', body: Buffer.from([0, 1, 2, 3, 255]) },
  { contentType: 'multipart/form-data', body: '--x\r\n' },
  { contentType: 'multipart/form-data; boundary=', body: '--\r\n\r\n' },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nabc',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nnot a pdf\r\n--zz\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n\r\nsecond\r\n--zz--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="other"; filename="x.exe"\r\n\r\nMZ\r\n--zz--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--zz--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="enterpriseId"\r\n\r\n\uD800\r\n--zz\r\nContent-Disposition: form-data; name="file"; filename="\u202Efdp.exe"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>\r\n--zz--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=zz',
    body: '--zz\r\n' + 'Content-Disposition: form-data; name="a"\r\n'.repeat(500) + '\r\nx\r\n--zz--\r\n',
  },
];
