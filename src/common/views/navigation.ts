import { Actor } from '../access/actor';
import { Role } from '../access/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Shown to anyone signed in when empty. */
  roles: Role[];
  /** Also shown to visitors who are not signed in. */
  public?: boolean;
}

/** The menu, one line per page; each person sees the items their roles allow. */
export const NAVIGATION: NavItem[] = [
  { href: '/', label: 'nav.home', roles: [], public: true },
  { href: '/learn', label: 'nav.learn', roles: [Role.Worker] },
  { href: '/courses', label: 'nav.courses', roles: [], public: true },
  { href: '/materials', label: 'nav.materials', roles: [], public: true },
  { href: '/learn/history', label: 'nav.history', roles: [Role.Worker] },
  {
    href: '/catalog/courses',
    label: 'nav.catalogCourses',
    roles: [Role.InstitutionEditor, Role.FederationAdmin],
  },
  { href: '/catalog/materials', label: 'nav.catalogMaterials', roles: [Role.InstitutionEditor] },
  { href: '/external-records', label: 'nav.externalRecords', roles: [Role.InstitutionEditor] },
  { href: '/activities', label: 'nav.activities', roles: [Role.UnionOfficer, Role.FederationAdmin] },
  { href: '/assignments', label: 'nav.assignments', roles: [Role.UnionOfficer, Role.FederationAdmin] },
  {
    href: '/surveys',
    label: 'nav.surveys',
    roles: [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer],
  },
  { href: '/surveys/mine', label: 'nav.mySurveys', roles: [Role.Worker] },
  {
    href: '/campaigns',
    label: 'nav.campaigns',
    roles: [Role.Worker, Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer],
  },
  { href: '/books', label: 'nav.books', roles: [Role.Worker] },
  { href: '/books/review', label: 'nav.bookReview', roles: [Role.UnionOfficer] },
  {
    href: '/engagement/commendations',
    label: 'nav.commendations',
    roles: [Role.UnionOfficer, Role.FederationAdmin],
  },
  { href: '/engagement/honour-roll', label: 'nav.honourRoll', roles: [] },
  { href: '/engagement/models', label: 'nav.goodModels', roles: [] },
  {
    href: '/engagement/support',
    label: 'nav.support',
    roles: [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer],
  },
  {
    href: '/contests',
    label: 'nav.contests',
    roles: [Role.Worker, Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer],
  },
  { href: '/partnerships', label: 'nav.partnerships', roles: [Role.UnionOfficer, Role.FederationAdmin] },
  {
    href: '/learning-records',
    label: 'nav.learningRecords',
    roles: [Role.UnionOfficer, Role.FederationAdmin],
  },
  { href: '/workers', label: 'nav.workers', roles: [Role.UnionOfficer, Role.FederationAdmin] },
  { href: '/workers/imports', label: 'nav.rosterImports', roles: [Role.UnionOfficer] },
  { href: '/workers/reconciliations', label: 'nav.reconciliations', roles: [Role.FederationAdmin] },
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
  { href: '/admin/audit', label: 'nav.audit', roles: [Role.FederationAdmin, Role.SystemAdmin] },
  { href: '/admin/jobs', label: 'nav.jobs', roles: [Role.SystemAdmin] },
  { href: '/citizenship', label: 'nav.citizenship', roles: [Role.Worker] },
  {
    href: '/citizenship/review',
    label: 'nav.citizenshipReview',
    roles: [Role.UnionOfficer, Role.AssociationReviewer],
  },
  {
    href: '/citizenship/criteria',
    label: 'nav.criteria',
    roles: [Role.AssociationReviewer, Role.FederationAdmin],
  },
  {
    href: '/citizenship/report',
    label: 'nav.citizenshipFunnel',
    roles: [Role.UnionOfficer, Role.AssociationReviewer, Role.FederationAdmin, Role.DepartmentViewer],
  },
  {
    href: '/indicators',
    label: 'nav.dashboard',
    roles: [Role.FederationAdmin, Role.DepartmentViewer, Role.UnionOfficer, Role.SystemAdmin],
  },
  {
    href: '/reports',
    label: 'nav.reports',
    roles: [Role.FederationAdmin, Role.DepartmentViewer, Role.AssociationReviewer],
  },
  { href: '/reports/reviews', label: 'nav.stocktakes', roles: [Role.FederationAdmin, Role.DepartmentViewer] },
  { href: '/indicators/plans', label: 'nav.plans', roles: [Role.FederationAdmin] },
  { href: '/history', label: 'nav.historyImports', roles: [Role.FederationAdmin, Role.AssociationReviewer] },
  { href: '/privacy/admin/requests', label: 'nav.privacyRequests', roles: [Role.FederationAdmin] },
  { href: '/notices', label: 'nav.notices', roles: [] },
  { href: '/privacy', label: 'nav.privacy', roles: [] },
  { href: '/account', label: 'nav.account', roles: [] },
];

export function navigationFor(
  actor: Actor | undefined,
  currentPath: string,
): (NavItem & { current: boolean })[] {
  const visible = (item: NavItem) =>
    actor ? item.roles.length === 0 || actor.has(...item.roles) : item.public === true;
  const items = NAVIGATION.filter(visible);
  // The most specific item is the current one (/learn/history, not /learn).
  const current = items
    .filter((item) =>
      item.href === '/'
        ? currentPath === '/'
        : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((item) => ({ ...item, current: item === current }));
}
