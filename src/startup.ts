import { ConfigError } from './config';

/** A bad setting stops start-up with one readable line naming the variable; anything else with its stack. */
export function exitOnStartupError(error: unknown): never {
  const configError = findConfigError(error);
  process.stderr.write(
    `\nhoctap could not start: ${configError?.message ?? (error as Error)?.stack ?? String(error)}\n\n`,
  );
  process.exit(1);
}

function findConfigError(error: unknown): ConfigError | undefined {
  for (
    let e = error as { cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as never, depth++
  ) {
    if (e instanceof ConfigError) return e;
  }
  return undefined;
}
