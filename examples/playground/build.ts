/**
 * `npm run playground`: builds examples/playground/dist/index.html, one self-contained file (script and
 * styles inline, nothing fetched). The engine in it is the package's own ESM build, dist/index.js (made by
 * `npm run build`, which the npm script runs first): the page's `../../src/index.js` import is redirected
 * there, and the build fails if any file under src/ slipped into the bundle.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const ENGINE = join(root, 'dist', 'index.js');
export const OUT = join(here, 'dist', 'index.html');

/** Sends the page's import of the engine's source to the shipped ESM build. */
const shippedEngine = (engine: string): Plugin => ({
  name: 'shipped-engine',
  setup(b) {
    b.onResolve({ filter: /\/src\/index\.js$/ }, () => ({ path: engine }));
  },
});

/**
 * The page as one HTML string. `engine` is the ESM build to bundle: dist/index.js, or the same tsup build
 * written elsewhere (the test does that, so as not to rewrite dist/ under a concurrent test). Throws when it
 * is missing (run `npm run build`).
 */
export async function buildPlayground(engine: string = ENGINE): Promise<string> {
  if (!existsSync(engine)) throw new Error(`${relative(root, engine)} is missing: run \`npm run build\` first (npm run playground does).`);
  const result = await build({
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
    entryPoints: [join(here, 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [shippedEngine(engine)],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const bundled = relative(root, engine).split(sep).join('/');
  if (inputs.some((path) => path.startsWith('src/')) || !inputs.includes(bundled)) {
    throw new Error(`the playground must bundle ${bundled} and no file of src/; it bundled: ${inputs.join(', ')}`);
  }
  // Inline: a "</script" inside the bundle would end the element early.
  const script = (result.outputFiles[0]?.text ?? '').replace(/<\/(script)/gi, '<\\/$1');
  const style = readFileSync(join(here, 'style.css'), 'utf8');
  const page = readFileSync(join(here, 'index.html'), 'utf8');
  // Functions as replacements, so that `$&` or `$'` in the bundle is not read as a pattern.
  return page.replace('<!-- style -->', () => `<style>\n${style}</style>`).replace('<!-- script -->', () => `<script>\n${script}</script>`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const html = await buildPlayground();
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, html);
  console.log(`Wrote ${relative(process.cwd(), OUT)} (${Math.round(html.length / 1024)} KiB). Open it in a browser: file://${OUT}`);
}
