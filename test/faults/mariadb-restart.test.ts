import { randomInt } from 'node:crypto';
import { setEvaluation } from '../support/citizenship-factory';
import { eventually } from '../support/eventually';
import { AppProcess, FaultEnvironment } from '../support/processes';
import { activeCriteria, createApplications, createReviewer, createWorkforce, Login } from './fixtures';

/**
 * MariaDB crashes (SIGKILL) and comes back while reviewers recognise learning citizens through two
 * web processes. Pass: no half-applied recognition — for every application, status RECOGNISED ⇔ a
 * certificate exists ⇔ a RECOGNISED audit entry exists, each once —, the web processes serve again
 * without a restart, and 50 clicks at once on one application through both make one certificate.
 */
const APPLICATIONS = 300;
const PARALLEL = 8;

describe('faults: MariaDB restarted during recognitions', () => {
  let env: FaultEnvironment;
  let webs: AppProcess[];
  let reviewer: Login;
  let applications: number[];
  const figures: Record<string, number | string> = {};

  beforeAll(async () => {
    env = await FaultEnvironment.start();
    const workforce = await createWorkforce(env.db, APPLICATIONS + 1);
    const criteria = await activeCriteria(env.db);
    applications = await createApplications(env.db, workforce, criteria, 'CONFIRMED');
    for (const id of applications)
      await setEvaluation(env.db, { id }, criteria, { eligible: true, totalPoints: 85 });
    reviewer = await createReviewer(env.db, workforce.enterpriseId);
    webs = await Promise.all([env.web('web 1'), env.web('web 2')]);
  }, 180_000);

  afterAll(async () => {
    if (process.env.FAULTS_DEBUG)
      webs?.forEach((w) => console.log(`--- ${w.name} ---\n${w.output.slice(-6000)}`));
    await env?.stop();
    console.log(`faults/mariadb-restart figures: ${JSON.stringify(figures)}`);
  }, 60_000);

  async function recognise(web: AppProcess, id: number): Promise<{ status: number; recognised?: boolean }> {
    try {
      const res = await fetch(`${web.baseUrl}/api/v1/citizenship/review/applications/${id}/recognise`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${reviewer.token}` },
      });
      const body = (await res.json().catch(() => ({}))) as { recognised?: boolean };
      return { status: res.status, recognised: body.recognised };
    } catch {
      return { status: 0 };
    }
  }

  /** Status, certificates and audit entries of each application, to compare them. */
  async function states(ids = applications.slice(0, APPLICATIONS)) {
    return (await env.db.query(
      `SELECT a.id, a.status,
              (SELECT COUNT(*) FROM recognitions r WHERE r.application_id = a.id) AS certificates,
              (SELECT COUNT(*) FROM citizenship_audit c WHERE c.application_id = a.id AND c.action = 'RECOGNISED') AS audits
         FROM citizenship_applications a WHERE a.id IN (${ids.join(',')}) ORDER BY a.id`,
    )) as { id: number; status: string; certificates: string; audits: string }[];
  }

  const halfApplied = (rows: Awaited<ReturnType<typeof states>>) =>
    rows.filter((r) => {
      const recognised = r.status === 'RECOGNISED';
      const expected = recognised ? 1 : 0;
      return Number(r.certificates) !== expected || Number(r.audits) !== expected;
    });

  it('leaves no recognition half-applied when MariaDB crashes mid-way, and serves again after it is back', async () => {
    const targets = applications.slice(0, APPLICATIONS);
    const outcomes: { status: number }[] = [];
    let next = 0;
    let crash: Promise<void> | null = null;
    let downMs = 0;
    const crashAfter = randomInt(40, 80);
    const lane = async (lane: number) => {
      while (next < targets.length) {
        const id = targets[next++];
        outcomes.push(await recognise(webs[lane % 2], id));
        if (!crash && outcomes.filter((o) => o.status === 200).length >= crashAfter) {
          crash = (async () => {
            await env.mariadb.kill9();
            const down = Date.now();
            await new Promise((resolve) => setTimeout(resolve, 1000));
            await env.mariadb.start();
            downMs = Date.now() - down;
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(i)));
    await crash;
    // The test's own connections died with the server; the pool makes new ones.
    const backAt = Date.now();
    await eventually(
      'both web processes to report healthy',
      async () => {
        for (const web of webs) if (!(await fetch(`${web.baseUrl}/health`)).ok) return false;
        return true;
      },
      { timeoutMs: 60_000, retryErrors: true },
    );
    const healthyAfterMs = Date.now() - backAt;

    const afterCrash = await eventually('the database to answer the test', () => states(), {
      timeoutMs: 60_000,
      retryErrors: true,
    });
    const failed = outcomes.filter((o) => o.status !== 200).length;

    // Clicked again: every application not recognised yet is recognised now, through either process.
    const retried = afterCrash.filter((r) => r.status !== 'RECOGNISED');
    const retries = await Promise.all(retried.map((r, i) => recognise(webs[i % 2], r.id)));
    const final = await states();
    const certificateNumbers: { n: string; distinctNo: string }[] = await env.db.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT certificate_no) AS distinctNo FROM recognitions
        WHERE application_id IN (${targets.join(',')})`,
    );

    Object.assign(figures, {
      recognitions: targets.length,
      requestsFailedDuringOutage: failed,
      mariadbDownMs: downMs,
      healthyAfterMs,
      halfAppliedAfterCrash: halfApplied(afterCrash).length,
      recognisedBeforeRetry: afterCrash.filter((r) => r.status === 'RECOGNISED').length,
      halfAppliedFinal: halfApplied(final).length,
    });

    expect(crash).not.toBeNull();
    expect(failed).toBeGreaterThan(0);
    expect(halfApplied(afterCrash)).toEqual([]);
    expect(retries.filter((r) => r.status !== 200)).toEqual([]);
    expect(halfApplied(final)).toEqual([]);
    expect(final.filter((r) => r.status !== 'RECOGNISED')).toEqual([]);
    expect(Number(certificateNumbers[0].n)).toBe(targets.length);
    expect(Number(certificateNumbers[0].distinctNo)).toBe(targets.length);
  }, 300_000);

  it('makes exactly one certificate from 50 concurrent recognitions of one application through two web processes', async () => {
    const id = applications[APPLICATIONS];
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => recognise(webs[i % 2], id)));
    const [row] = await env.db.query(
      `SELECT (SELECT COUNT(*) FROM recognitions WHERE application_id = ?) AS certificates,
              (SELECT COUNT(*) FROM citizenship_audit WHERE application_id = ? AND action = 'RECOGNISED') AS audits,
              (SELECT status FROM citizenship_applications WHERE id = ?) AS status`,
      [id, id, id],
    );
    Object.assign(figures, {
      concurrentClicks: 50,
      concurrentCertificates: Number(row.certificates),
      concurrentRecognisedTrue: outcomes.filter((o) => o.recognised === true).length,
    });
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 200));
    expect(outcomes.filter((o) => o.recognised === true)).toHaveLength(1);
    expect(outcomes.filter((o) => o.recognised === false)).toHaveLength(49);
    expect(Number(row.certificates)).toBe(1);
    expect(Number(row.audits)).toBe(1);
    expect(row.status).toBe('RECOGNISED');
  }, 120_000);
});
