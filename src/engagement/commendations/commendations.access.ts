import { Role } from '../../common/access/roles';

/** Who reads nominations: officers of their enterprise(s), the federation admin all of them. */
export const NOMINATION_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Who nominates: union officers, workers of their own roster (or those workers' children). */
export const NOMINATION_WRITERS: Role[] = [Role.UnionOfficer];

/** Who approves or declines nominations and publishes good models. */
export const COMMENDATION_DECIDERS: Role[] = [Role.FederationAdmin];

/** Who writes good models' stories: officers for their enterprise, the federation for any. */
export const MODEL_WRITERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Kinds of evidence a nomination takes: documents and photos. */
export const OWNER_EVIDENCE = 'COMMENDATION_EVIDENCE';
export const OWNER_MODEL_IMAGE = 'GOOD_MODEL_IMAGE';
