import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from './actor';
import { Role } from './roles';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const SIGNED_IN = 'SIGNED_IN';

/** Anyone, signed in or not, may use this route. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only people holding one of these roles (in any scope; services then filter by the scope). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Anyone signed in, whatever their role (their own account pages). */
export const SignedIn = () => SetMetadata(ROLES_KEY, SIGNED_IN);

/** The actor of the request; routes that declare roles always have one. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().user as Actor;
});
