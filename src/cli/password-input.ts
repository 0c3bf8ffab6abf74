import { createInterface } from 'node:readline';
import { Readable, Writable } from 'node:stream';
import { CliError } from './cli';

/**
 * Asks for a secret on a terminal without echoing it: readline writes the prompt, then everything
 * it would echo (the typed characters, the line editing) goes nowhere. No history is kept.
 * Ctrl-C or Ctrl-D cancels with a CliError.
 */
export function promptHidden(
  prompt: string,
  input: Readable = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true, historySize: 0 });
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (answered) return;
      output.write('\n');
      reject(new CliError('Cancelled: nothing was created.'));
    });
    rl.question(prompt, (answer) => {
      answered = true;
      output.write('\n');
      rl.close();
      resolve(answer);
    });
    // The prompt is written synchronously by question(); from here on nothing is echoed.
    muted = true;
  });
}

/** The first line of a pipe or file (a trailing CR of a Windows line end dropped), or null when empty. */
export async function readFirstLine(input: Readable = process.stdin): Promise<string | null> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
    return null;
  } finally {
    rl.close();
  }
}

/**
 * The new password: typed twice on a terminal, or the first line of standard input otherwise
 * (a script, `docker compose run -T`, a secret piped in). Never from the command line, where it
 * would be seen in `ps` and the shell's history.
 */
export async function readNewPassword(username: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await readFirstLine();
    if (!line) throw new CliError('No password on standard input (its first line is the password).');
    return line;
  }
  const first = await promptHidden(`Password for ${username}: `);
  const second = await promptHidden('The same password again: ');
  if (first !== second) throw new CliError('The two passwords differ: nothing was created.');
  return first;
}
