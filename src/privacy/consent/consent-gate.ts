import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Paths a signed-in person may use before accepting the privacy notice: the notice and consent
 * pages themselves, signing in and out, the language switch and the health check.
 */
const EXEMPT = [
  /^\/privacy\/(consent|notice)\/?$/,
  /^\/(login|logout|activate)\/?$/,
  /^\/account\/sign-out-everywhere\/?$/,
  /^\/lang\/[^/]+\/?$/,
  /^\/health(\/.*)?$/,
];

export function isConsentExempt(path: string): boolean {
  return EXEMPT.some((rule) => rule.test(path));
}

/** A signed-in person (or their API token) has not accepted the current privacy notice. */
export class ConsentRequiredException extends HttpException {
  constructor(readonly noticeVersion: number) {
    super('privacy notice not accepted', HttpStatus.FORBIDDEN);
  }
}
