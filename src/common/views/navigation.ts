import { Actor } from '../access/actor';
import { Role } from '../access/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Shown to anyone signed in when empty. */
  roles: Role[];
}

/** The menu, one line per page; each person sees the items their roles allow. */
export const NAVIGATION: NavItem[] = [
  { href: '/', label: 'nav.home', roles: [] },
  { href: '/workers', label: 'nav.workers', roles: [Role.UnionOfficer, Role.FederationAdmin] },
  { href: '/workers/imports', label: 'nav.rosterImports', roles: [Role.UnionOfficer] },
  {
    href: '/organisations/enterprises',
    label: 'nav.enterprises',
    roles: [Role.FederationAdmin, Role.DepartmentViewer],
  },
  { href: '/organisations/units', label: 'nav.units', roles: [Role.FederationAdmin, Role.DepartmentViewer] },
  { href: '/organisations/unions', label: 'nav.unions', roles: [Role.FederationAdmin] },
  { href: '/organisations/institutions', label: 'nav.institutions', roles: [Role.FederationAdmin] },
  { href: '/organisations/branches', label: 'nav.branches', roles: [Role.FederationAdmin] },
  { href: '/admin/users', label: 'nav.users', roles: [Role.FederationAdmin, Role.SystemAdmin] },
  { href: '/admin/jobs', label: 'nav.jobs', roles: [Role.SystemAdmin] },
  { href: '/account', label: 'nav.account', roles: [] },
];

export function navigationFor(
  actor: Actor | undefined,
  currentPath: string,
): (NavItem & { current: boolean })[] {
  if (!actor) return [];
  return NAVIGATION.filter((item) => item.roles.length === 0 || actor.has(...item.roles)).map((item) => ({
    ...item,
    current: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }));
}
