import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Why an image address could not be fetched (the lesson form names it and the address). */
export type FetchRefusal = 'address' | 'private' | 'status' | 'type' | 'size' | 'network';

export class RemoteImageError extends Error {
  constructor(readonly refusal: FetchRefusal) {
    super(`image not fetched: ${refusal}`);
  }
}

/** Addresses a server must never be made to fetch from: loopback, private, link-local, and the like. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** True for an address anyone on the internet could reach; false for this machine's neighbourhood. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  if (family === 6 && /^::ffff:/i.test(address)) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 10_000;
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)\b/i;

/**
 * Fetches an image a lesson links from another host, so that workers never depend on that host
 * (nor are seen by it) and the page's CSP can stay 'self'. Only https; the host's addresses are
 * resolved and every one must be public (no loopback, private or link-local: the server must not be
 * turned against its own network), and the connection goes to the address that was checked (no
 * DNS rebinding); up to three redirects, each checked again; an image type, within the size limit.
 */
@Injectable()
export class RemoteImages {
  async fetch(url: string, maxBytes: number): Promise<Buffer> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const answer = await this.get(current, maxBytes);
      if ('bytes' in answer) return answer.bytes;
      current = new URL(answer.location, current).toString();
    }
    throw new RemoteImageError('status');
  }

  /** One request to a checked address: the bytes, or where a redirect points. */
  protected async get(url: string, maxBytes: number): Promise<{ bytes: Buffer } | { location: string }> {
    const target = parse(url);
    const addresses = await lookup(target.hostname, { all: true }).catch(() => {
      throw new RemoteImageError('network');
    });
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address)))
      throw new RemoteImageError('private');
    const [{ address, family }] = addresses;
    return new Promise((resolve, reject) => {
      const req = request(
        target,
        {
          timeout: TIMEOUT_MS,
          headers: { accept: 'image/*', 'user-agent': 'hoctap-lesson-images' },
          lookup: (_host, _options, callback) => callback(null, address, family),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location) {
            res.resume();
            return resolve({ location: res.headers.location });
          }
          if (status !== 200) {
            res.resume();
            return reject(new RemoteImageError('status'));
          }
          if (!IMAGE_TYPES.test(res.headers['content-type'] ?? '')) {
            res.resume();
            return reject(new RemoteImageError('type'));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              req.destroy();
              return reject(new RemoteImageError('size'));
            }
            chunks.push(chunk);
          });
          res.on('end', () => resolve({ bytes: Buffer.concat(chunks) }));
          res.on('error', () => reject(new RemoteImageError('network')));
        },
      );
      req.on('timeout', () => req.destroy(new RemoteImageError('network')));
      req.on('error', (error) =>
        reject(error instanceof RemoteImageError ? error : new RemoteImageError('network')),
      );
      req.end();
    });
  }
}

function parse(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new RemoteImageError('address');
  }
  if (target.protocol !== 'https:' || target.username || target.password)
    throw new RemoteImageError('address');
  // A literal address is checked like a resolved one.
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) throw new RemoteImageError('private');
  return target;
}
