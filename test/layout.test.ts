/**
 * The tree shows the architecture (docs/design.md, "Layers"): src/ holds only index.ts at its root and
 * one folder per concept, each folder in one layer, and no file imports a folder of a higher layer.
 * eslint.config.js's `layers` enforces the same in the editor; this test keeps the list, the doc and
 * the tree in agreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
// eslint.config.js is plain JavaScript: imported by URL so that the compiler does not look for its types.
const { layers } = (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as { layers: string[][] };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const levelOf = new Map<string, number>(layers.flatMap((folders, level) => folders.map((f) => [f, level] as const)));

/** The layer blocks of docs/design.md's "Layers" section, lowest first. */
function documentedLayers(): string[][] {
  const doc = readFileSync(join(root, 'docs/design.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Layers'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.trim().split('\n').map((line) => [...line.matchAll(/([a-z-]+)\/(?=\s)/g)].map((m) => m[1] ?? '')).reverse();
}

describe('layout', () => {
  it('src/ holds index.ts at its root and exactly the folders of the layers', () => {
    const entries = readdirSync(src, { withFileTypes: true });
    expect(entries.filter((e) => e.isFile()).map((e) => e.name)).toEqual(['index.ts']);
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual([...levelOf.keys()].sort());
  });

  it('src/rules/ holds one module per registered rule and the registry, nothing else', async () => {
    const { rules } = await import('../src/rules/index.js');
    const files = readdirSync(join(src, 'rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it('docs/design.md lists the same layers, in the same order, as eslint.config.js', () => {
    expect(documentedLayers()).toEqual(layers);
  });

  it('no file of src/ imports a folder of a higher layer', () => {
    const offences: string[] = [];
    let imports = 0;
    for (const file of filesUnder(src).filter((f) => f.endsWith('.ts'))) {
      const from = relative(src, file).split(/[\\/]/)[0] ?? '';
      if (from === 'index.ts') continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = posix.normalize(posix.join(relative(src, dirname(file)).split(/[\\/]/).join('/'), m[1] ?? ''));
        const to = target.split('/')[0] ?? '';
        imports++;
        if (to === 'index.js' || to.startsWith('..')) continue; // the facade (ledger imports the core through it)
        const a = levelOf.get(from);
        const b = levelOf.get(to);
        if (a === undefined || b === undefined || b > a) offences.push(`${relative(root, file)} imports ${m[1]}`);
      }
    }
    expect(imports).toBeGreaterThan(300);
    expect(offences).toEqual([]);
  });
});
