import { BadRequestException, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FormError } from '../errors/form-error';

const KEEP_AS_TYPED = /password/i;
const MAX_DEPTH = 16;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Keys no form or DTO has. A JSON `__proto__` would become the prototype of the normalised object
 * (so `body.role` could read a value nobody sent as a field), and class-validator does not see
 * these keys at all; they are refused with 400 like any other field the route does not declare.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Every string that arrives is put in composed Unicode (NFC), so Vietnamese typed with any keyboard
 * is stored and compared the same way. Form fields are trimmed and an empty field counts as absent;
 * passwords are normalised but otherwise kept exactly as typed.
 */
@Injectable()
export class InputNormaliserMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (req.body && typeof req.body === 'object') {
      const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      try {
        req.body = normalise(req.body, isForm, 0);
      } catch (error) {
        return next(error);
      }
    }
    next();
  }
}

/** The same for the fields of a multipart form, which are read later (FileUploadInterceptor). */
export function normaliseFormFields(body: object): Record<string, unknown> {
  return normalise(body, true, 0) as Record<string, unknown>;
}

function normalise(value: unknown, isForm: boolean, depth: number, key = ''): unknown {
  if (typeof value === 'string') {
    // A lone surrogate (possible in JSON, "\ud800") is not text: it becomes U+FFFD, as undecodable
    // bytes of a form already do. Left in, it made validators that call encodeURI (IsEmail) throw.
    const composed = value.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
    if (!isForm || KEEP_AS_TYPED.test(key)) return composed;
    const trimmed = composed.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (value === null || typeof value !== 'object') return value;
  // No form or DTO nests this deep; a deeper body (e.g. 5,000 nested arrays) would overflow the stack of the validator.
  if (depth > MAX_DEPTH) throw new BadRequestException();
  if (Array.isArray(value)) return value.map((item) => normalise(item, isForm, depth + 1, key));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) throw FormError.field(k, 'validation.unknownField', { field: k });
    const normalised = normalise(v, isForm, depth + 1, k);
    if (normalised !== undefined) out[k] = normalised;
  }
  return out;
}
