import { NotFoundException } from '@nestjs/common';

/**
 * A record outside the caller's scope. It answers 404 like a missing one, so ids cannot be probed;
 * ScopeRefusalInterceptor logs it as a refusal.
 */
export class OutOfScopeException extends NotFoundException {}
