import { HttpStatus } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { MessageRef } from '../common/i18n/messages';

/**
 * An API refusal with its own status (404, 409…) and a message in the caller's language: a
 * FormError, so AllExceptionsFilter translates it into `message` and `errors[field]`.
 */
export class RecordRefused extends FormError {
  constructor(
    private readonly httpStatus: HttpStatus,
    field: string,
    key: string,
    params?: MessageRef['params'],
  ) {
    const ref: MessageRef = { key, params };
    super({ [field]: ref }, ref);
  }

  override getStatus(): number {
    return this.httpStatus;
  }
}

/** A 400 whose summary is the problem itself, for API callers that read `message` only. */
export function badInput(field: string, key: string, params?: MessageRef['params']): RecordRefused {
  return new RecordRefused(HttpStatus.BAD_REQUEST, field, key, params);
}
