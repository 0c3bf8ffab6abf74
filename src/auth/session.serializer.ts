import { Inject, Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import { appConfig, AppConfig } from '../config';
import { Actor } from '../common/access/actor';
import { User } from '../users/entities/user.entity';
import { AuthService } from './auth.service';

interface SessionUser {
  id: number;
  /** When this session signed in, for the absolute timeout and "sign out everywhere". */
  at: number;
}

/**
 * The session keeps only the user id and sign-in time; roles are loaded on every request, so a
 * disabled account or a removed role takes effect at once.
 */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(
    private readonly auth: AuthService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    super();
  }

  serializeUser(user: User | Actor, done: (err: unknown, payload?: SessionUser) => void): void {
    done(null, { id: user instanceof Actor ? user.userId : user.id, at: Date.now() });
  }

  deserializeUser(payload: SessionUser, done: (err: unknown, actor?: Actor | false) => void): void {
    const expired = Date.now() - payload.at > this.config.sessionAbsoluteHours * 3_600_000;
    if (!payload?.id || expired) return done(null, false);
    this.auth.actorFor(payload.id, payload.at).then((actor) => done(null, actor ?? false), done);
  }
}
