import { isConsentExempt } from './consent-gate';

describe(isConsentExempt.name, () => {
  it.each([
    '/privacy/consent',
    '/privacy/notice',
    '/login',
    '/logout',
    '/activate',
    '/account/sign-out-everywhere',
    '/lang/en',
    '/health',
  ])('lets %s through before consent (reading the notice, signing in and out)', (path) => {
    expect(isConsentExempt(path)).toBe(true);
  });

  it.each([
    '/',
    '/privacy',
    '/privacy/export/json',
    '/privacy/requests/deletion',
    '/privacy/consent/../export/json',
    '/workers',
    '/api/v1/me',
    '/api/v1/workers/1/cccd',
    '/account/tokens',
    '/loginx',
    '/healthy',
  ])('holds %s until the notice is accepted', (path) => {
    expect(isConsentExempt(path)).toBe(false);
  });
});
