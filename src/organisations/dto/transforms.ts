import { Transform } from 'class-transformer';

/**
 * Conventions of these DTOs:
 * - A required field's @IsNotEmpty() is its last decorator: class-validator reports the decorator
 *   nearest the property first, and a missing field should say "required", not "too long".
 * - Form fields arrive as text and an empty one is already undefined (InputNormaliserMiddleware);
 *   numbers are converted here, and text that is no number fails @IsInt.
 */
export const ToNumber = () =>
  Transform(({ value }) => (value === undefined || value === null || value === '' ? value : Number(value)));
