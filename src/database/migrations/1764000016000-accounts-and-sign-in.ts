import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool, datetime, int } from './schema';

/**
 * Issue 9. `users.activated_at`: when the person first set their password. An account activated
 * once stays activated (disabled or not): no activation code is ever issued for it again; only its
 * owner, or a federation or system admin with a reason, changes its password. Filled for existing
 * accounts that are active or hold a password, and any code still waiting on them is withdrawn.
 *
 * `users.activation_code_reset`: the waiting code was issued by an admin's password reset, the one
 * kind of code an activated account may use.
 *
 * `login_failures.in_flight`: sign-ins reserved but not yet decided, so that a limit of N lets at
 * most N wrong passwords be checked however many arrive at once (auth/login-throttle.service.ts).
 */
export class AccountsAndSignIn1764000016000 implements MigrationInterface {
  name = 'AccountsAndSignIn1764000016000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [
      new TableColumn(datetime('activated_at')),
      new TableColumn(bool('activation_code_reset', false)),
    ]);
    await q.query(
      `UPDATE users SET activated_at = COALESCE(last_login_at, updated_at, created_at),
              activation_code_hash = NULL, activation_expires_at = NULL
       WHERE status = 'ACTIVE' OR password_hash IS NOT NULL`,
    );
    await q.addColumn('login_failures', new TableColumn(int('in_flight', 0)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('login_failures', 'in_flight');
    await q.dropColumn('users', 'activation_code_reset');
    await q.dropColumn('users', 'activated_at');
  }
}
