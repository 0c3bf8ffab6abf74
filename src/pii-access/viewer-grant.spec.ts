import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { viewerGrant } from './viewer-grant';

describe(viewerGrant.name, () => {
  it('names the federation admin with the whole province', () => {
    const admin = new Actor(1, 'LĐLĐ', [
      { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
    ]);
    expect(viewerGrant(admin, [3])).toEqual({
      role: Role.FederationAdmin,
      scopeType: ScopeType.All,
      scopeId: null,
    });
  });

  it('names the union officer with the enterprise they share with the worker', () => {
    const officer = new Actor(2, 'CĐCS', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 4 },
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 9 },
    ]);
    expect(viewerGrant(officer, [1, 9])).toEqual({
      role: Role.UnionOfficer,
      scopeType: ScopeType.Enterprise,
      scopeId: 9,
    });
  });

  it('still says who it was when no grant matches the worker', () => {
    const viewer = new Actor(3, 'Sở', [
      { role: Role.DepartmentViewer, scopeType: ScopeType.Unit, scopeId: 12 },
    ]);
    expect(viewerGrant(viewer, [])).toEqual({
      role: Role.DepartmentViewer,
      scopeType: ScopeType.Unit,
      scopeId: 12,
    });
  });
});
