import { isIPv4, isIPv6 } from 'node:net';
import { normaliseCccd } from '../common/validation/cccd';

/**
 * What a person typed in the "user name or CCCD" box, reduced to the one form that names the
 * account. Used both to find the account and to count failures, so the same account can never be
 * typed in a way that gets fresh attempts: "001 088 002 222", "001.088.002.222", "001-088-002-222",
 * with no-break spaces or full-width digits are one CCCD; "Admin", " admin " and "admin" one name.
 */
export type SignInIdentifier = { kind: 'cccd'; cccd: string } | { kind: 'username'; username: string };

export function parseSignInIdentifier(typed: string): SignInIdentifier {
  const cccd = normaliseCccd(typed);
  if (/^\d{12}$/.test(cccd)) return { kind: 'cccd', cccd };
  // NFKC folds full-width letters and compatibility forms; user names are plain ASCII anyway.
  const username = typed
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toLowerCase();
  return { kind: 'username', username };
}

/** One text per identifier, for a failure count when no account answers to it. */
export function identifierText(identifier: SignInIdentifier): string {
  return identifier.kind === 'cccd' ? `cccd:${identifier.cccd}` : `user:${identifier.username}`;
}

/**
 * The client address as a failure key. An IPv4 address seen as IPv6 (::ffff:1.2.3.4) is the same
 * client; an IPv6 client usually holds a whole /64, so its addresses are counted by that prefix.
 */
export function clientAddressKey(address: string): string {
  let value = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1];
  if (isIPv4(value)) return `addr:${value}`;
  const plain = value.replace(/%.*$/, '');
  if (isIPv6(plain)) return `addr:${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
  return `addr:${value.slice(0, 90)}`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  let text = address;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16).toString(16));
}
