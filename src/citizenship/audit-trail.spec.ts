import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { hasMessage, translate } from '../common/i18n/i18n';
import '../messages';
import { CITIZENSHIP_AUDIT_ACTIONS } from './audit-trail';
import { historyLines } from './review/review.presenters';
import { ReviewAuditAction } from './review/review-journal';

const srcDir = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every quoted value written as an `action:` of an object in the source, with where it is. */
function actionsWritten(): { where: string; action: string }[] {
  return sources(srcDir).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\baction:\s*([^,\n]+)/g)].flatMap((m) =>
      [...m[1].matchAll(/'([^']+)'/g)].map((q) => ({ where: relative(srcDir, file), action: q[1] })),
    ),
  );
}

/**
 * The two audit trails show steps by name, never by code: the learning-citizen trail (review page,
 * `review.audit.<action>`) and the general one (/admin/audit, `audit.action.<action>`).
 */
describe('audit trail labels', () => {
  it('name every step of the learning-citizen trail in Vietnamese and English', () => {
    const missing = CITIZENSHIP_AUDIT_ACTIONS.filter((a) => !hasMessage(`review.audit.${a}`));
    expect(missing).toEqual([]);
    for (const action of CITIZENSHIP_AUDIT_ACTIONS) {
      expect(translate('vi', `review.audit.${action}`)).not.toContain(action);
      expect(translate('en', `review.audit.${action}`)).not.toContain(action);
    }
    expect(Object.values(ReviewAuditAction).filter((a) => !CITIZENSHIP_AUDIT_ACTIONS.includes(a))).toEqual(
      [],
    );
  });

  it('name every step of the general trail in Vietnamese and English', () => {
    expect(AUDIT_ACTIONS.filter((a) => !hasMessage(`audit.action.${a}`))).toEqual([]);
  });

  it('cover every step the code base writes', () => {
    const written = actionsWritten();
    const codes = written.filter((w) => /^[A-Z][A-Z_]+$/.test(w.action));
    const dotted = written.filter((w) => /^[a-z]+(?:\.[a-z]+)+$/.test(w.action));
    // Guards the scan itself: it must see the steps it is meant to check.
    expect(codes.map((c) => c.action)).toEqual(
      expect.arrayContaining(['ANSWER_SAVED', 'ANSWER_WITHDRAWN', 'REGISTERED', 'EVALUATED']),
    );
    expect(dotted.map((c) => c.action)).toEqual(expect.arrayContaining(['worker.joined']));
    expect(codes.filter((c) => !(CITIZENSHIP_AUDIT_ACTIONS as readonly string[]).includes(c.action))).toEqual(
      [],
    );
    expect(dotted.filter((c) => !(AUDIT_ACTIONS as readonly string[]).includes(c.action))).toEqual([]);
  });

  it('shows a saved statement by its name on the review page', () => {
    const [line] = historyLines('vi', [
      {
        id: 1,
        action: 'ANSWER_SAVED',
        actorName: 'Nguyễn Văn An',
        at: new Date('2026-03-02T03:00:00Z'),
        before: { criterionCode: 'C1' },
        after: { criterionCode: 'C1', statement: 'Đọc sách mỗi tối', reviewStatus: 'PENDING' },
        comment: null,
      },
    ]);
    expect(line.action).toBe('Người lao động lưu nội dung tự khai');
  });
});
