import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role, ScopeType } from '../common/access/roles';
import { AppRequest } from '../common/http/request';
import { registerMessages } from '../common/i18n/i18n';
import { Notice } from './notice.entity';
import { NoticesController } from './notices.controller';
import { noticesMessages } from './notices.messages';
import { NoticesService } from './notices.service';
import { UnreadNoticesMiddleware } from './unread-notices.middleware';

registerMessages(noticesMessages, {
  'test.notice': { vi: 'Hồ sơ năm {year} đã được xác nhận.', en: 'Application {year} confirmed.' },
});

const actor = new Actor(
  5,
  'Người lao động',
  [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 9 }],
  9,
);
const notice = (id: number, changes: Partial<Notice> = {}) =>
  ({
    id,
    userId: 5,
    messageKey: 'test.notice',
    params: { year: 2025 },
    link: '/citizenship',
    dedupeKey: null,
    readAt: null,
    createdAt: new Date('2025-06-01T02:00:00Z'),
    updatedAt: new Date('2025-06-01T02:00:00Z'),
    ...changes,
  }) as Notice;

describe(NoticesController.name, () => {
  const notices = {
    page: jest.fn(async () => [[notice(2), notice(1, { readAt: new Date(), link: null })], 2]),
    find: jest.fn(async (userId: number, id: number) =>
      userId === 5 && id === 2
        ? notice(2)
        : id === 3 && userId === 5
          ? notice(3, { link: '//evil.example' })
          : null,
    ),
    markRead: jest.fn(async (userId: number, id: number) => userId === 5 && [2, 3].includes(id)),
    markAllRead: jest.fn(async () => undefined),
  };
  const sut = new NoticesController(notices as unknown as NoticesService);
  const req = { locale: 'vi', session: {} } as unknown as AppRequest;

  it('lists the person’s notices newest first, in their language, read or not', async () => {
    const page = await sut.list(actor, {}, req);
    expect(notices.page).toHaveBeenCalledWith(5, 0, 20);
    expect(page.notices).toEqual([
      {
        id: 2,
        text: 'Hồ sơ năm 2025 đã được xác nhận.',
        createdAt: expect.any(Date),
        unread: true,
        hasLink: true,
      },
      {
        id: 1,
        text: 'Hồ sơ năm 2025 đã được xác nhận.',
        createdAt: expect.any(Date),
        unread: false,
        hasLink: false,
      },
    ]);
    expect(page.anyUnread).toBe(true);
  });

  it('opens a notice: marks it read and follows its same-site link only', async () => {
    await expect(sut.open(actor, 2)).resolves.toEqual({ url: '/citizenship' });
    expect(notices.markRead).toHaveBeenCalledWith(5, 2);
    await expect(sut.open(actor, 3)).resolves.toEqual({ url: '/notices' });
  });

  it('answers not found for someone else’s notice', async () => {
    await expect(sut.open(actor, 99)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(sut.markRead(actor, 99)).rejects.toBeInstanceOf(OutOfScopeException);
  });
});

describe(UnreadNoticesMiddleware.name, () => {
  const notices = { unreadCount: jest.fn(async () => 3) };
  const sut = new UnreadNoticesMiddleware(notices as unknown as NoticesService);

  const run = (req: Partial<AppRequest>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const res = { locals: {} as Record<string, unknown> };
      sut.use({ path: '/', ...req } as AppRequest, res as never, (error?: unknown) =>
        error ? reject(error) : resolve(res.locals),
      );
    });

  it('puts the unread count in the page locals of a signed-in person', async () => {
    await expect(run({ user: actor })).resolves.toEqual({ unreadNotices: 3 });
    expect(notices.unreadCount).toHaveBeenCalledWith(5);
  });

  it('leaves visitors and the API alone', async () => {
    notices.unreadCount.mockClear();
    await expect(run({})).resolves.toEqual({});
    await expect(run({ user: actor, path: '/api/v1/me' })).resolves.toEqual({});
    expect(notices.unreadCount).not.toHaveBeenCalled();
  });
});
