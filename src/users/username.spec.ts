import { parseSignInIdentifier } from '../auth/sign-in-identifier';
import { USERNAME_PATTERN } from './username';

describe('USERNAME_PATTERN', () => {
  it.each(['admin', 'congdoan.tamphat', 'khuyenhoc-cujut', 'cb_2026', '3d.admin'])('accepts %s', (name) => {
    expect(USERNAME_PATTERN.test(name)).toBe(true);
  });

  it.each([
    'ab',
    'Admin',
    '.admin',
    'quản.trị',
    '001088002222',
    '001.088.002.222',
    '001-088-002-222',
    '12345',
  ])('refuses %s', (name) => {
    expect(USERNAME_PATTERN.test(name)).toBe(false);
  });

  it('accepts only names that sign-in reads as a user name, never as a CCCD', () => {
    for (const name of ['admin', 'cb.001088002222', '001088002222', '001.088.002.222']) {
      if (USERNAME_PATTERN.test(name))
        expect(parseSignInIdentifier(name)).toEqual({ kind: 'username', username: name });
    }
  });
});
