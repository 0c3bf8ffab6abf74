// Bundles the lesson editor (client/lesson-editor.js with TipTap) into public/js/lesson-editor.js,
// which the lesson form alone loads. Run by `npm run build` (so by `npm start`) and by the e2e set-up.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'client', 'lesson-editor.js')],
  outfile: join(root, 'public', 'js', 'lesson-editor.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  // The libraries' licence notices stay at the end of the file.
  legalComments: 'eof',
  logLevel: 'warning',
});
