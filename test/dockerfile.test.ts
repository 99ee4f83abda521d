/**
 * The Dockerfile cannot be built here (no docker daemon), so its content is checked: the command it runs
 * is the one docs/sidecar.md documents, node receives SIGTERM itself, it runs as an unprivileged user and
 * its health check asks /healthz on the port the sidecar listens on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../src/cli/sidecar/server.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const instructions = dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
const finalStage = instructions.slice(instructions.map((l) => l.startsWith('FROM ')).lastIndexOf(true));
const one = (keyword: string): string => {
  const found = finalStage.filter((l) => l.startsWith(`${keyword} `));
  expect(found, keyword).toHaveLength(1);
  return found[0]!.slice(keyword.length + 1);
};

describe('Dockerfile', () => {
  it('runs the documented command in exec form: node itself, no npm or shell between it and the signal', () => {
    const cmd = JSON.parse(one('CMD')) as string[];
    const documented = /^exec (node node_modules\/cuishou-guard\/dist\/cli\.js serve)$/m.exec(read('docs/sidecar.md'))?.[1];
    expect(documented).toBeDefined();
    expect(cmd).toEqual(documented!.split(' '));
    expect(finalStage.some((l) => l.startsWith('ENTRYPOINT '))).toBe(false);
    // The path is where npm installs the package's executable from.
    const pkg = JSON.parse(read('package.json')) as { name: string; bin: Record<string, string> };
    expect(`node_modules/${pkg.name}/${pkg.bin['cuishou-guard']!.replace(/^\.\//, '')}`).toBe(cmd[1]);
  });

  it('uses a small Node base image, runs as a non-root user, checks /healthz on the exposed port', () => {
    expect(one('FROM')).toMatch(/^node:20(\.\d+)*-(alpine|slim)$/);
    expect(one('USER')).not.toMatch(/^(root|0)(:|$)/);
    expect(one('EXPOSE')).toBe(String(DEFAULT_PORT));
    const health = one('HEALTHCHECK');
    expect(health).toContain(`http://127.0.0.1:${DEFAULT_PORT}/healthz`);
    expect(health).toMatch(/CMD \["node", "-e", /);
    // USER comes before CMD, after the install (which needs to write into /app).
    const at = (prefix: string): number => finalStage.findIndex((l) => l.startsWith(prefix));
    expect(at('RUN ')).toBeLessThan(at('USER '));
    expect(at('USER ')).toBeLessThan(at('CMD '));
  });

  it('leaves node_modules and dist out of the build context', () => {
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/']));
  });
});
