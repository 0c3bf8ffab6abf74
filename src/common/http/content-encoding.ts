import type { IncomingHttpHeaders } from 'node:http';

/** The encodings hoctap sends, best first; identity is always acceptable unless refused. */
export type ContentCoding = 'br' | 'gzip';

/**
 * Text formats worth compressing. Images other than SVG, PDFs, spreadsheets and archives are
 * compressed already; CSV exports and event streams are written in pieces and must not be held back.
 */
const COMPRESSIBLE =
  /^(?:text\/(?:html|css|javascript|plain)|application\/(?:json|javascript|xml)|image\/svg\+xml)\b/i;

export function isCompressible(contentType: string | number | string[] | undefined): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/**
 * The coding to answer with, from the request's Accept-Encoding: brotli when the client takes it,
 * else gzip, else none. A coding with q=0 is refused; `*` stands for any coding not named.
 */
export function chooseCoding(headers: IncomingHttpHeaders): ContentCoding | null {
  const header = headers['accept-encoding'];
  if (typeof header !== 'string' || header.trim() === '') return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/** Adds a value to the Vary header without repeating it. */
export function varyOn(current: string | number | string[] | undefined, field: string): string {
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.includes('*') || values.some((v) => v.toLowerCase() === field.toLowerCase()))
    return values.join(', ');
  return [...values, field].join(', ');
}
