import { loadNotice, parseNotice } from '../privacy-notice';
import { ConsentService } from './consent.service';
import { ConsentsRepository } from './consents.repository';

describe(ConsentService.name, () => {
  const notice = { ...loadNotice(), version: 3 };
  let consents: { has: jest.Mock; record: jest.Mock; listFor: jest.Mock };
  let sut: ConsentService;

  beforeEach(() => {
    consents = {
      has: jest.fn(async () => false),
      record: jest.fn(async () => undefined),
      listFor: jest.fn(),
    };
    sut = new ConsentService(consents as unknown as ConsentsRepository, notice);
  });

  it('asks about the version in force, and remembers a yes but never a no', async () => {
    await expect(sut.hasAcceptedCurrent(5)).resolves.toBe(false);
    await expect(sut.hasAcceptedCurrent(5)).resolves.toBe(false);
    expect(consents.has.mock.calls).toEqual([
      [5, 3],
      [5, 3],
    ]);
    consents.has.mockResolvedValueOnce(true);
    await expect(sut.hasAcceptedCurrent(5)).resolves.toBe(true);
    await expect(sut.hasAcceptedCurrent(5)).resolves.toBe(true);
    expect(consents.has).toHaveBeenCalledTimes(3);
  });

  it('records an acceptance of the current version only (a stale page is refused)', async () => {
    await expect(sut.accept(7, 2)).resolves.toBe(false);
    expect(consents.record).not.toHaveBeenCalled();
    await expect(sut.accept(7, 3)).resolves.toBe(true);
    expect(consents.record).toHaveBeenCalledWith(7, 3, expect.any(Date));
    await expect(sut.hasAcceptedCurrent(7)).resolves.toBe(true);
    expect(consents.has).not.toHaveBeenCalled();
  });
});

describe(parseNotice.name, () => {
  it('reads the notice in force: a version, a date and plain texts in both languages', () => {
    const notice = loadNotice();
    expect(notice.version).toBeGreaterThanOrEqual(1);
    expect(notice.vi.title).toBe('Thông báo về xử lý dữ liệu cá nhân');
    expect(notice.vi.sections.map((s) => s.heading)).toContain('Quyền của bạn');
    expect(notice.en.sections).toHaveLength(notice.vi.sections.length);
  });

  it.each([
    ['no version', { version: undefined }],
    ['version 0', { version: 0 }],
    ['a bad date', { effectiveFrom: '01/01/2026' }],
    ['an empty paragraph', { vi: { title: 'x', sections: [{ heading: 'h', paragraphs: [' '] }] } }],
    ['no English', { en: undefined }],
  ])('refuses a notice with %s', (_case, change) => {
    expect(() => parseNotice({ ...loadNotice(), ...change })).toThrow(/seeds\/privacy\/notice.json/);
  });
});
