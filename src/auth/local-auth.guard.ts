import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppRequest } from '../common/http/request';
import { User } from '../users/entities/user.entity';

export type LoginRequest = AppRequest & {
  loginFailure?: 'invalid' | 'locked';
  returnTo?: string;
  /** The account just signed in (until the next request, passport's req.user is this entity). */
  signedIn?: User;
};

/**
 * Runs the local strategy on the login form. A failed sign-in leaves no user and the controller
 * renders the form again; a good one starts a fresh session (passport regenerates the session id).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<LoginRequest>();
    // Read before the session is regenerated at sign-in.
    req.returnTo = req.session?.returnTo;
    await super.canActivate(context);
    if (req.user) {
      await super.logIn(req);
      req.signedIn = req.user as unknown as User;
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    return user;
  }
}
