import { clientAddressKey, identifierText, parseSignInIdentifier } from './sign-in-identifier';

describe('parseSignInIdentifier', () => {
  const cccd = '001088002222';

  it.each([
    ['plain', '001088002222'],
    ['spaces', '001 088 002 222'],
    ['dots', '001.088.002.222'],
    ['dashes', '001-088-002-222'],
    ['en dashes and a minus sign', '001–088−002‐222'],
    ['no-break spaces (U+00A0)', '001\u00a0088\u00a0002\u00a0222'],
    ['narrow no-break, thin and ideographic spaces', '001\u202f088\u2009002\u3000222'],
    ['surrounding spaces and a tab', ' \t001088002222\u00a0'],
    ['zero-width spaces and a byte-order mark', '\ufeff001\u200b088002\u200d222'],
    ['full-width digits', '００１０８８００２２２２'],
  ])('reads a CCCD typed with %s as the same 12 digits', (_how, typed) => {
    expect(parseSignInIdentifier(typed)).toEqual({ kind: 'cccd', cccd });
  });

  it.each([
    ['upper case', 'CongDoan.TamPhat'],
    ['surrounding spaces', '  congdoan.tamphat\u00a0'],
    ['full-width letters', 'ｃｏｎｇｄｏａｎ.ｔａｍｐｈａｔ'],
    ['a zero-width space', 'congdoan.\u200btamphat'],
  ])('reads a user name typed with %s as the same name', (_how, typed) => {
    expect(parseSignInIdentifier(typed)).toEqual({ kind: 'username', username: 'congdoan.tamphat' });
  });

  it('folds a name typed decomposed (NFD) and composed (NFC) to one text', () => {
    const nfd = parseSignInIdentifier('Nguyễn'.normalize('NFD'));
    const nfc = parseSignInIdentifier('Nguyễn'.normalize('NFC'));
    expect(identifierText(nfd)).toBe(identifierText(nfc));
  });

  it('keeps a number of another length a user name', () => {
    expect(parseSignInIdentifier('0010880022')).toEqual({ kind: 'username', username: '0010880022' });
  });
});

describe('clientAddressKey', () => {
  it('counts an IPv4 address seen through IPv6 as the same client', () => {
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe(clientAddressKey('203.0.113.7'));
  });

  it('counts every address of one IPv6 /64 together, however it is written', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:0:0:9',
      '2001:DB8:1:2:aaaa:bbbb:cccc:dddd',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::77'),
    ].map(clientAddressKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('addr:2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(keys[0]);
  });

  it('keeps anything else as it came, bounded', () => {
    expect(clientAddressKey('unknown')).toBe('addr:unknown');
    expect(clientAddressKey('x'.repeat(200))).toHaveLength(95);
  });
});
