import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { PiiAccessAction } from './pii-access.entity';
import { PiiAccessLog } from './pii-access-log.service';
import { PiiAccessDirectory } from './pii-access-directory';
import { PiiAccessRepository } from './pii-access.repository';

describe(PiiAccessLog.name, () => {
  let repo: { insert: jest.Mock };
  let directory: { employmentsAmong: jest.Mock };
  let sut: PiiAccessLog;
  const officer = new Actor(8, 'Cán bộ', [
    { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
  ]);

  beforeEach(() => {
    repo = {
      insert: jest.fn(async () => undefined),
    };
    directory = { employmentsAmong: jest.fn(async () => new Map([[11, [2]]])) };
    sut = new PiiAccessLog(
      repo as unknown as PiiAccessRepository,
      directory as unknown as PiiAccessDirectory,
    );
  });

  it('writes one entry per worker shown, with the route and the grant that allowed it', async () => {
    await sut.record(
      officer,
      [11, 11, 12],
      PiiAccessAction.Export,
      'POST /workers/export/:format/full',
      undefined,
      'Danh sách BHXH',
    );
    expect(directory.employmentsAmong).toHaveBeenCalledWith([11, 12], [2]);
    const [rows] = repo.insert.mock.calls[0];
    expect(rows).toEqual([
      expect.objectContaining({
        workerId: 11,
        viewerUserId: 8,
        viewerRole: Role.UnionOfficer,
        viewerScopeType: ScopeType.Enterprise,
        viewerScopeId: 2,
        action: PiiAccessAction.Export,
        route: 'POST /workers/export/:format/full',
        reason: 'Danh sách BHXH',
      }),
      expect.objectContaining({ workerId: 12, viewerRole: Role.UnionOfficer }),
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        'action',
        'at',
        'reason',
        'route',
        'viewerRole',
        'viewerScopeId',
        'viewerScopeType',
        'viewerUserId',
        'workerId',
      ].sort(),
    );
  });

  it('does not log a worker looking at their own data', async () => {
    const self = new Actor(9, 'An', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 11 }], 11);
    await sut.record(self, [11], PiiAccessAction.Reveal, 'POST /workers/:id/cccd');
    expect(repo.insert).not.toHaveBeenCalled();
  });
});
