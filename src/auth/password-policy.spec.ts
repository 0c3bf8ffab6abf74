import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  const worker = { username: 'nld42', displayName: 'Nguyễn Văn An', cccd: '001088002222' };

  it.each([
    ['the shortest allowed', 'tám chữ!'],
    ['a long Vietnamese passphrase with diacritics and spaces', 'Người lao động Đắk Nông học tập suốt đời'],
    ['a passphrase typed decomposed (NFD)', 'Cờ đỏ sao vàng năm cánh'.normalize('NFD')],
    ['a passphrase that mentions the name among much else', 'Nguyễn Văn An thích đọc sách buổi tối'],
    ['letters, digits and symbols with no rule behind them', 'q7#Lm2!vRz'],
    ['the site name inside a long sentence', 'tôi học tập mỗi ngày một ít'],
  ])('accepts %s', (_what, password) => {
    expect(passwordProblem(password, worker)).toBeNull();
  });

  it.each([
    ['seven characters', 'abc1234', 'validation.password.short'],
    [
      'seven characters with diacritics (8 code units decomposed)',
      'Mật khẩ'.normalize('NFD'),
      'validation.password.short',
    ],
    ['12345678', '12345678', 'validation.password.simple'],
    ['a run of letters', 'abcdefghij', 'validation.password.simple'],
    ['a run down the digits', '98765432', 'validation.password.simple'],
    ['one character repeated', 'aaaaaaaaaa', 'validation.password.simple'],
    ['two characters repeated', 'abababab', 'validation.password.simple'],
    ['password', 'password', 'validation.password.common'],
    ['a common one in capitals', 'PASSWORD1', 'validation.password.common'],
    ['qwertyuiop', 'qwertyuiop', 'validation.password.common'],
    ['123456789', '123456789', 'validation.password.simple'],
    ['1q2w3e4r', '1q2w3e4r', 'validation.password.common'],
    ['matkhau', 'matkhau1', 'validation.password.common'],
    ['Mật khẩu with a year', 'Mật khẩu 2024', 'validation.password.common'],
    ['anhyeuem', 'anhyeuem', 'validation.password.common'],
    ['a lucky number', '68686868', 'validation.password.simple'],
    ['147258369', '147258369', 'validation.password.common'],
    ['the demo password', 'hoctap2030', 'validation.password.common'],
    ['the site name with digits', 'hoctap123456', 'validation.password.common'],
    ['the site name with a few letters', 'HocTap@DakNong', 'validation.password.personal'],
  ])('refuses %s', (_what, password, problem) => {
    expect(passwordProblem(password, worker)).toBe(problem);
  });

  it.each([
    ['the display name folded', 'nguyenvanan'],
    ['the display name as written', 'Nguyễn Văn An'],
    ['the display name, given name first, with a year', 'An Nguyễn Văn 1990'],
    ['the family and given names with digits', 'nguyenan1990'],
    ['the user name with digits', 'nld42nld42'],
    ['the CCCD', '001088002222'],
    ['the CCCD with a word', 'cccd001088002222'],
  ])('refuses %s', (_what, password) => {
    expect(passwordProblem(password, worker)).toBe('validation.password.personal');
  });

  it('reads a display name without the note in brackets', () => {
    expect(passwordProblem('Nguyễn Thị Lan 1975', { displayName: 'Nguyễn Thị Lan (LĐLĐ tỉnh)' })).toBe(
      'validation.password.personal',
    );
  });

  it('needs the context to refuse personal data (a form checks length and lists first)', () => {
    expect(passwordProblem('nguyenvanan')).toBeNull();
    expect(passwordProblem('001088002222')).toBeNull();
  });
});
