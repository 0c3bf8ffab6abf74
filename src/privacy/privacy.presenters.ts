import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { PiiAccessView } from '../pii-access/pii-access.repository';
import { PrivacyRequest } from './entities/privacy-request.entity';
import { daysLeft } from './requests/request-rules';

/** One line of "who viewed": the role and organisation; the viewer's own name only for admins. */
export function accessView(locale: Locale, a: PiiAccessView, withViewer: boolean) {
  return {
    at: a.at,
    role: translate(locale, `role.${a.viewerRole}`),
    organisation: a.organisation ?? translate(locale, 'privacy.views.province'),
    action: translate(locale, `privacy.action.${a.action}`),
    // The officer's reason for a full export: the worker is told why their number was needed.
    reason: a.reason,
    route: withViewer ? a.route : undefined,
    viewer: withViewer ? `${a.viewerName ?? ''} (${a.viewerUsername ?? a.viewerRole})` : undefined,
  };
}

export function requestView(locale: Locale, r: PrivacyRequest, now = new Date()) {
  const left = daysLeft(r.dueOn, now);
  return {
    ...r,
    kindLabel: translate(locale, `privacy.request.kind.${r.kind}`),
    statusLabel: translate(locale, `privacy.request.status.${r.status}`),
    open: r.status === 'OPEN',
    isDeletion: r.kind === 'DELETION',
    daysLeft: left,
    overdue: r.status === 'OPEN' && left < 0,
  };
}
