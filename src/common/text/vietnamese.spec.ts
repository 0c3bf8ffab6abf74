import { foldVietnamese, likeContains, nfc } from './vietnamese';

describe('foldVietnamese', () => {
  it('removes tones and marks so unaccented queries match', () => {
    expect(foldVietnamese('Kỹ năng số')).toBe('ky nang so');
    expect(foldVietnamese('ĐẮK R’LẤP')).toBe('dak r’lap');
    expect(foldVietnamese('  Công   ty  ')).toBe('cong ty');
  });

  it('gives one key for composed and decomposed input', () => {
    const composed = 'Nguyễn Thị Hương';
    expect(foldVietnamese(composed.normalize('NFD'))).toBe(foldVietnamese(composed));
  });
});

describe('nfc', () => {
  it('turns decomposed Vietnamese into composed form', () => {
    expect(nfc('Tiê\u0301ng Viê\u0323t')).toBe('Tiếng Việt');
  });
});

describe('likeContains', () => {
  it('escapes LIKE wildcards', () => {
    expect(likeContains('50%_a!')).toBe('%50!%!_a!!%');
  });
});
