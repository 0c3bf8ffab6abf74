import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../src/database/unit-of-work';
import { DOMAIN_CODES } from '../../src/learning-records/learning-domains';

/**
 * The four learning domains, for databases the reference seed has not filled (the MySQL test
 * databases, the fault tests' private server). Safe when several test files run it at once, on
 * SQLite and MySQL alike.
 */
export async function ensureLearningDomains(db: DataSource): Promise<void> {
  for (const [i, code] of DOMAIN_CODES.entries()) {
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM learning_domains WHERE code = ?', [code]);
    if (Number(n) > 0) continue;
    try {
      await db.query(
        'INSERT INTO learning_domains (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)',
        [code, code, code, i + 1],
      );
    } catch (error) {
      // Another test file added it a moment ago.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
