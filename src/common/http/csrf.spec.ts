import type { Request } from 'express';
import {
  checkDeferredCsrf,
  csrfDeferred,
  csrfValid,
  deferCsrfCheck,
  generateToken,
  maskedToken,
} from './csrf';

/** A request as Express hands it over: a session, a method, a body, headers. */
function requestWith(session: Record<string, unknown>, init: Partial<Request> = {}): Request {
  const headers = (init.headers ?? {}) as Record<string, string>;
  return {
    method: 'POST',
    body: {},
    headers,
    session,
    is: (type: string) => (headers['content-type'] ?? '').startsWith(type),
    ...init,
  } as unknown as Request;
}

describe('CSRF tokens', () => {
  const session: Record<string, unknown> = {};
  const page = requestWith(session, { method: 'GET' });

  it('gives each page its own masked copy, every copy valid for the session', () => {
    const a = maskedToken(page);
    const b = maskedToken(page);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{128}$/);
    expect(a).not.toContain(generateToken(page));
    for (const token of [a, b, generateToken(page)])
      expect(csrfValid(requestWith(session, { body: { _csrf: token } }))).toBe(true);
  });

  it('refuses a tampered copy, another session’s and none', () => {
    const token = maskedToken(page);
    const tampered = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect(csrfValid(requestWith(session, { body: { _csrf: tampered } }))).toBe(false);
    const other = requestWith({}, { method: 'GET' });
    expect(csrfValid(requestWith(session, { body: { _csrf: maskedToken(other) } }))).toBe(false);
    expect(csrfValid(requestWith(session))).toBe(false);
  });

  it('never reads the token from the address', () => {
    const token = maskedToken(page);
    expect(csrfValid(requestWith(session, { query: { _csrf: token } } as Partial<Request>))).toBe(false);
  });

  it('defers a multipart form without a header to the upload, which checks the field and drops it', () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
    const req = requestWith(session, { headers: multipart as never });
    expect(deferCsrfCheck(req)).toBe(true);
    expect(csrfDeferred(req)).toBe(true);
    expect(() => checkDeferredCsrf(req)).toThrow(expect.objectContaining({ code: 'EBADCSRFTOKEN' }));
    req.body = { _csrf: maskedToken(page), title: 'x' };
    checkDeferredCsrf(req);
    expect(req.body).toEqual({ title: 'x' });
    expect(csrfDeferred(req)).toBe(false);
    // A header is read at once; a urlencoded form and a safe method are never deferred.
    const withHeader = requestWith(session, { headers: { ...multipart, 'x-csrf-token': 'x' } as never });
    expect(deferCsrfCheck(withHeader)).toBe(false);
    expect(
      deferCsrfCheck(
        requestWith(session, { headers: { 'content-type': 'application/x-www-form-urlencoded' } as never }),
      ),
    ).toBe(false);
    expect(deferCsrfCheck(requestWith(session, { method: 'GET', headers: multipart as never }))).toBe(false);
  });
});
