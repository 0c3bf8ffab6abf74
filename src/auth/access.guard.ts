import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, SIGNED_IN } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { bearerOf, viaApiToken } from '../common/http/bearer-auth';
import { AppRequest } from '../common/http/request';

/**
 * Deny by default: a route must declare @Public(), @SignedIn() or @Roles(...). A bearer token, when
 * sent, decides who the caller is: it was checked before the session (apiTokenAuthentication in
 * app.setup.ts), whose cookie is then never read; a bearer that authenticated nobody is refused.
 * Refusals are logged with the user id, roles and route pattern only — never names, ids of people
 * or request data.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (bearerOf(req) !== undefined && !viaApiToken(req))
      return this.refuse(req, 'bad token', new UnauthorizedException());
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | typeof SIGNED_IN | undefined>(
      ROLES_KEY,
      targets,
    );
    if (!allowed) return this.refuse(req, 'route declares no access', new ForbiddenException());
    if (!req.user) return this.refuse(req, 'not signed in', new UnauthorizedException());
    if (allowed === SIGNED_IN || req.user.has(...allowed)) return true;
    return this.refuse(req, 'role not allowed', new ForbiddenException());
  }

  private refuse(req: AppRequest, reason: string, error: Error): never {
    this.logger.warn({
      event: 'access_refused',
      reason,
      userId: req.user?.userId ?? null,
      roles: req.user?.roles ?? [],
      method: req.method,
      route: req.route?.path ?? null,
    });
    throw error;
  }
}
