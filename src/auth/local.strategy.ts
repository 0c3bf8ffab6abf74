import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';

/** passport-local: the login form posts `username` (a user name or a CCCD) and `password`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, username: string, password: string) {
    const outcome = await this.auth.verifyCredentials(username, password, req.ip ?? 'unknown');
    if (!outcome.ok) {
      (req as Request & { loginFailure?: string }).loginFailure = outcome.reason;
      return false;
    }
    return outcome.user;
  }
}
