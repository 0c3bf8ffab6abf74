import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chooseCoding, ContentCoding, isCompressible } from './content-encoding';

/** Where the app's static files are served from; views name them through {{asset "css/app.css"}}. */
export const ASSETS_PREFIX = '/public/';
/** A hashed name never changes content: browsers keep it a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An unhashed name (a bookmark, an old page) may change at the next upgrade: asked again within minutes. */
export const SHORT = 'public, max-age=300';
const HASH_LENGTH = 10;

/** Files from node_modules that pages load, by the name views give them (paths from the project root). */
export const VENDOR_ASSETS: Record<string, string> = {
  'vendor/chartjs/chart.umd.js': 'node_modules/chart.js/dist/chart.umd.js',
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  /** As views name it: "css/app.css". */
  name: string;
  /** With the content hash before the extension: "css/app.3f9a1c2e0b.css". */
  hashedName: string;
  hash: string;
  file: string;
  mtimeMs: number;
  type: string;
  body: Buffer;
  /** Compressed copies, made at the first request that asks for them and kept. */
  encoded: Partial<Record<ContentCoding, Buffer>>;
}

export interface StaticAssetsOptions {
  /** Every file under this directory, by its path relative to it. */
  root: string;
  /** Files from elsewhere (vendor scripts in node_modules), by the name views give them. */
  extra?: Record<string, string>;
  /** Re-read a file that changed on disk (development), instead of the copy read at start-up. */
  watch?: boolean;
}

/**
 * The app's static files, read once at start-up and served from memory under content-hashed
 * names, each compressed once with brotli and gzip. A page names `/public/css/app.<hash>.css`, so an
 * upgrade changes the address of every file that changed and no phone keeps stale styles, while
 * files that did not change stay cached for a year. Only the files found at start-up are served:
 * a request cannot reach anything else on disk.
 */
export class StaticAssets {
  private readonly byName = new Map<string, Asset>();
  private readonly byHashedName = new Map<string, Asset>();

  constructor(private readonly options: StaticAssetsOptions) {
    for (const file of filesUnder(options.root))
      this.add(relative(options.root, file).replace(/\\/g, '/'), file);
    for (const [name, file] of Object.entries(options.extra ?? {})) this.add(name, file);
  }

  /** The address a page gives a file: "/public/css/app.3f9a1c2e0b.css". Throws for an unknown name. */
  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`No static file "${name}" (under public/ or the vendor files)`);
    return ASSETS_PREFIX + this.current(asset).hashedName;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Serves GET and HEAD under /public/; anything else there is not found. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!req.path.startsWith(ASSETS_PREFIX)) return next();
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const path = safeDecode(req.path.slice(ASSETS_PREFIX.length));
      const hashed = path === null ? undefined : this.byHashedName.get(path);
      const plain = path === null ? undefined : this.byName.get(unhash(path));
      const found = hashed ?? plain;
      if (!found) return next();
      const asset = this.current(found);
      // An older hash of a known file (a page cached before an upgrade) gets today's file, briefly.
      const immutable = hashed !== undefined && asset.hashedName === path;
      const coding = isCompressible(asset.type) ? chooseCoding(req.headers) : null;
      const body = coding ? this.encode(asset, coding) : asset.body;
      res.setHeader('Content-Type', asset.type);
      res.setHeader('Cache-Control', immutable ? IMMUTABLE : SHORT);
      if (isCompressible(asset.type)) res.setHeader('Vary', 'Accept-Encoding');
      if (coding) res.setHeader('Content-Encoding', coding);
      const etag = `"${asset.hash}${coding ? `-${coding}` : ''}"`;
      res.setHeader('ETag', etag);
      if (ifNoneMatch(req, etag)) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('Content-Length', body.length);
      res.statusCode = 200;
      res.end(req.method === 'HEAD' ? undefined : body);
    };
  }

  private add(name: string, file: string): void {
    const asset = read(name, file);
    this.byName.set(name, asset);
    this.byHashedName.set(asset.hashedName, asset);
  }

  /** In watch mode, the file as it is on disk now; otherwise the copy read at start-up. */
  private current(asset: Asset): Asset {
    if (!this.options.watch) return asset;
    const mtimeMs = statSync(asset.file).mtimeMs;
    if (mtimeMs === asset.mtimeMs) return asset;
    this.add(asset.name, asset.file);
    return this.byName.get(asset.name)!;
  }

  private encode(asset: Asset, coding: ContentCoding): Buffer {
    asset.encoded[coding] ??=
      coding === 'br'
        ? brotliCompressSync(asset.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
            },
          })
        : gzipSync(asset.body, { level: constants.Z_BEST_COMPRESSION });
    return asset.encoded[coding]!;
  }
}

function read(name: string, file: string): Asset {
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH);
  const ext = extname(name);
  return {
    name,
    hashedName: `${name.slice(0, name.length - ext.length)}.${hash}${ext}`,
    hash,
    file,
    mtimeMs: statSync(file).mtimeMs,
    type: TYPES[ext.toLowerCase()] ?? 'application/octet-stream',
    body,
    encoded: {},
  };
}

/** "css/app.3f9a1c2e0b.css" → "css/app.css"; a name without a hash stays as it is. */
function unhash(path: string): string {
  return path.replace(new RegExp(`\\.[0-9a-f]{${HASH_LENGTH}}(\\.[^./]+)$`), '$1');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function ifNoneMatch(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
