import { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from MySQL as strings; the app works with numbers. */
export const decimalNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** A JSON object kept in a text column. */
export const jsonObject: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value ? JSON.parse(value) : null),
};
