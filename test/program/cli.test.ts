import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../audit/support.js';
import { institution } from './support.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const AT = '2026-11-30T18:00:00+08:00';

describe('cuishou-guard assess', () => {
  it('prints the clause table and exits 1 when there are violations', async () => {
    const m = memoryIo(examples);
    expect(await run(['assess', 'institution.json', '--at', AT], m.io)).toBe(1);
    expect(m.stdout()).toContain('5.6     compliant');
    expect(m.stdout()).toContain('incident-reporting/reported-late');
  });

  it('exits 0 for an institution without violations, and writes JSON or HTML to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(institution()));
    const m = memoryIo(dir);
    expect(await run(['assess', 'ok.json', '--at', AT, '--json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout()).summary.violations).toBe(0);
    expect(await run(['assess', 'ok.json', '--at', AT, '--format', 'html', '--out', 'r.html', '--locale', 'zh-CN'], m.io)).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('催收合规体系评估');
  });

  it('exits 2 for invalid input and usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ policies: 'none' }));
    expect(await run(['assess', 'bad.json', '--at', AT], memoryIo(dir).io)).toBe(2);
    expect(await run(['assess', 'bad.json'], memoryIo(dir).io)).toBe(2);
    expect(await run(['assess', 'bad.json', '--at', AT, '--format', 'pdf'], memoryIo(dir).io)).toBe(2);
    expect(await run(['assess', 'missing.json', '--at', AT], memoryIo(dir).io)).toBe(2);
  });
});
