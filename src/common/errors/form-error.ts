import { BadRequestException, ValidationError } from '@nestjs/common';
import { MessageRef } from '../i18n/messages';

export type FieldErrors = Record<string, MessageRef>;

/**
 * Bad input on a form or an API call, as messages keyed by field. Form routes re-render their page
 * with these next to the fields; API routes answer 400 with them translated.
 */
export class FormError extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly formMessage: MessageRef = { key: 'validation.summary' },
  ) {
    super('Validation failed');
  }

  static field(field: string, key: string, params?: MessageRef['params']): FormError {
    return new FormError({ [field]: { key, params } });
  }
}

const CONSTRAINT_MESSAGES: Record<string, string> = {
  isNotEmpty: 'validation.required',
  isDefined: 'validation.required',
  maxLength: 'validation.maxLength',
  minLength: 'validation.minLength',
  isEmail: 'validation.email',
  isInt: 'validation.integer',
  isNumber: 'validation.number',
  min: 'validation.min',
  max: 'validation.max',
  isIn: 'validation.oneOf',
  isEnum: 'validation.oneOf',
  isDateString: 'validation.date',
  isIsoDate: 'validation.date',
  isBoolean: 'validation.boolean',
  isUrl: 'validation.url',
  isTaxCode: 'validation.taxCode',
  isCccd: 'validation.cccd',
  isNotCccd: 'validation.cccdInUrl',
  isPhone: 'validation.phone',
  whitelistValidation: 'validation.unknownField',
};

/** Turns class-validator's errors into message keys; the first problem of each field is enough. */
export function formErrorFromValidation(errors: ValidationError[], prefix = ''): FormError {
  const fieldErrors: FieldErrors = {};
  const visit = (list: ValidationError[], path: string) => {
    for (const error of list) {
      const field = path ? `${path}.${error.property}` : error.property;
      const [constraint, text] = Object.entries(error.constraints ?? {})[0] ?? [];
      if (constraint) {
        fieldErrors[field] = {
          key:
            CONSTRAINT_MESSAGES[constraint] ??
            (text?.startsWith('validation.') ? text : 'validation.invalid'),
          params: { field, ...constraintParams(constraint, error) },
        };
      }
      if (error.children?.length) visit(error.children, field);
    }
  };
  visit(errors, prefix);
  return new FormError(fieldErrors);
}

/**
 * class-validator does not hand its constraint values to the caller, only its English sentence;
 * for the few number constraints the value is the last number of that sentence.
 */
function constraintParams(constraint: string, error: ValidationError): Record<string, string | number> {
  const sentence = error.constraints?.[constraint] ?? '';
  const numbers = sentence.match(/-?\d+(\.\d+)?/g) ?? [];
  switch (constraint) {
    case 'maxLength':
      return { max: Number(numbers.at(-1) ?? 0) };
    case 'minLength':
      return { min: Number(numbers.at(-1) ?? 0) };
    case 'min':
      return { min: Number(numbers.at(-1) ?? 0) };
    case 'max':
      return { max: Number(numbers.at(-1) ?? 0) };
    default:
      return {};
  }
}
