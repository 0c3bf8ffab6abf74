/**
 * Every step the audit trail records. Each has its label in audit.messages.ts
 * (`audit.action.<name>`), checked by src/citizenship/audit-trail.spec.ts.
 */
export const AUDIT_ACTIONS = [
  'worker.identity.changed',
  'worker.joined',
  'employment.corrected',
  'reconciliation.opened',
  'reconciliation.accepted',
  'reconciliation.rejected',
  'user.password.reset',
  'user.admin.created',
  'enterprise.commune.set',
  'history.imported',
  'commendation.edited',
  'commendation.evidence.added',
  'commendation.evidence.removed',
  'model.edited',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
