import { registerDecorator } from 'class-validator';
import { passwordProblem } from '../password-policy';

/**
 * A new password passes the policy's checks that need no account (length, the lists, runs); the
 * service checks it against the account's own user name, name and CCCD. The message is the
 * policy's own key, so the form says which rule it broke.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          (typeof args?.value === 'string' && passwordProblem(args.value)) || 'validation.password.short',
      },
    });
}
