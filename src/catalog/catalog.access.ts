import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';

/**
 * Who reaches an institution's courses and materials: its editors write them; the federation
 * admin reads every institution's, without editing. Everyone else reaches none.
 */
export function editorInstitutionIds(actor: Actor): number[] {
  return actor.scopeIds(ScopeType.Institution, Role.InstitutionEditor);
}

export function readsEveryInstitution(actor: Actor): boolean {
  return actor.reachesAll(Role.FederationAdmin);
}

export function canEditInstitution(actor: Actor, institutionId: number): boolean {
  return editorInstitutionIds(actor).includes(institutionId);
}

export function canViewInstitution(actor: Actor, institutionId: number): boolean {
  return canEditInstitution(actor, institutionId) || readsEveryInstitution(actor);
}

/** The institutions whose records a list shows to this actor. */
export function visibleInstitutions(actor: Actor): number[] | 'all' {
  return readsEveryInstitution(actor) ? 'all' : editorInstitutionIds(actor);
}
