import { registerDecorator, ValidationOptions } from 'class-validator';

/** The most hours one session or one reported programme may credit. */
export const MAX_LEARNING_HOURS = 2000;

/** More than 0 and at most MAX_LEARNING_HOURS, with at most two decimals (the column's scale). */
export function isLearningHours(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value > 0 &&
    value <= MAX_LEARNING_HOURS &&
    Math.abs(Math.round(value * 100) - value * 100) < 1e-6
  );
}

export function IsLearningHours(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLearningHours',
      target: object.constructor,
      propertyName,
      options: { message: 'validation.learningHours', ...options },
      validator: { validate: isLearningHours },
    });
}

/** Form fields arrive as text, and Vietnamese writes decimals with a comma: "1,5" → 1.5. */
export const toHours = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : value;
};
