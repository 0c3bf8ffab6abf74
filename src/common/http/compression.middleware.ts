import type { NextFunction, Request, Response } from 'express';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { chooseCoding, isCompressible, varyOn } from './content-encoding';

/** Below this a compressed body saves less than its headers cost. */
const THRESHOLD_BYTES = 1024;
/** Brotli at quality 5: a few milliseconds for a page, and smaller than gzip at its default. */
const BROTLI_QUALITY = 5;

type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response;

/**
 * Compresses responses sent whole — pages, JSON answers, error pages — with brotli or gzip,
 * whichever the browser takes (Node's own zlib, no dependency). A response that is written in
 * pieces (CSV and spreadsheet exports, file downloads, the static files, which come compressed
 * already) passes as it is: holding back a stream to compress it would delay what must flow.
 *
 * Mount it after express-session: a middleware's `res.end` runs before those mounted ahead of it,
 * and the session's own `res.end` sends the headers early while it saves, too late to compress.
 */
export function compressWholeBodies() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const coding = chooseCoding(req.headers);
    let streamed = false;
    const write = res.write;
    const end = res.end as End;
    res.write = function (this: Response, ...args: unknown[]) {
      streamed = true;
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as Response['write'];
    res.end = function (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (typeof chunk === 'function') [callback, chunk, encoding] = [chunk, undefined, undefined];
      else if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      const passOn = () => end.call(this, chunk, encoding, callback);
      if (streamed || res.headersSent || chunk === undefined || chunk === null) return passOn();
      if (!isCompressible(res.getHeader('Content-Type'))) return passOn();
      res.setHeader('Vary', varyOn(res.getHeader('Vary'), 'Accept-Encoding'));
      const body = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(String(chunk), (encoding as BufferEncoding | undefined) ?? 'utf8');
      if (
        !coding ||
        req.method === 'HEAD' ||
        res.statusCode === 204 ||
        res.statusCode === 304 ||
        body.length < THRESHOLD_BYTES ||
        res.getHeader('Content-Encoding') ||
        // no-store marks a page with a secret on it (a code, a token, a revealed CCCD): its length
        // must not depend on how well the secret compresses beside what a visitor typed (BREACH).
        /no-transform|no-store/i.test(String(res.getHeader('Cache-Control') ?? ''))
      )
        return passOn();
      const done = (error: Error | null, compressed: Buffer) => {
        // Nothing may write in between; should something have, the body goes as it is.
        if (error || res.headersSent) return end.call(this, body, undefined, callback);
        res.setHeader('Content-Encoding', coding);
        res.setHeader('Content-Length', compressed.length);
        // A strong validator names the uncompressed bytes; the compressed ones are only equivalent.
        const etag = res.getHeader('ETag');
        if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
        end.call(this, compressed, undefined, callback);
      };
      if (coding === 'br')
        brotliCompress(
          body,
          {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          },
          done,
        );
      else gzip(body, done);
      return this;
    } as Response['end'];
    next();
  };
}
