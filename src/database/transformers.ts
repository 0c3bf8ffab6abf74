import { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from MySQL as strings; the app works with numbers. */
export const decimalNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
