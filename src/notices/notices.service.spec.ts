import { EntityManager } from 'typeorm';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

describe(NoticesService.name, () => {
  function setup() {
    let unread = 2;
    const repo = {
      unreadCount: jest.fn(() => Promise.resolve(unread)),
      insertOnce: jest.fn(() => {
        unread++;
        return Promise.resolve();
      }),
      insertMany: jest.fn(() => Promise.resolve()),
      markAllRead: jest.fn(() => {
        unread = 0;
        return Promise.resolve();
      }),
      find: jest.fn(() => Promise.resolve({ id: 5, readAt: null })),
      markRead: jest.fn(() => {
        unread--;
        return Promise.resolve();
      }),
    };
    const sut = new NoticesService(repo as unknown as NoticesRepository);
    return { sut, repo };
  }
  const tx = {} as EntityManager;

  it('asks the database for the unread count once while it is kept', async () => {
    const { sut, repo } = setup();
    expect(await sut.unreadCount(9)).toBe(2);
    expect(await sut.unreadCount(9)).toBe(2);
    expect(repo.unreadCount).toHaveBeenCalledTimes(1);
  });

  it('counts again at once after a notice is written, read or all read', async () => {
    const { sut, repo } = setup();
    await sut.unreadCount(9);
    await sut.notify(tx, { userId: 9, messageKey: 'x' });
    expect(await sut.unreadCount(9)).toBe(3);
    await sut.markRead(9, 5);
    expect(await sut.unreadCount(9)).toBe(2);
    await sut.markAllRead(9);
    expect(await sut.unreadCount(9)).toBe(0);
    expect(repo.unreadCount).toHaveBeenCalledTimes(4);
  });

  it('forgets only the people a batch notifies', async () => {
    const { sut, repo } = setup();
    await sut.unreadCount(9);
    await sut.unreadCount(10);
    await sut.notifyMany(tx, [{ userId: 10, messageKey: 'x' }]);
    await sut.unreadCount(9);
    await sut.unreadCount(10);
    expect(repo.unreadCount.mock.calls.map((c: unknown[]) => c[0])).toEqual([9, 10, 10]);
  });
});
