import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, createAuditSummary, createFindingsSampler, findingRows, renderSummary, type AuditSummary, type FindingsSample } from '../../src/index.js';
import { auditExampleLog } from '../../examples/start.js';
import { generateExampleLog } from '../../scripts/generate-example-log.js';
import { FINDINGS_PAGE_SIZE } from '../../src/audit/report/findings-html.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-report.test.ts: ${CHROMIUM} is absent, so the HTML report is not rendered (apt-get install chromium).`);

describe.skipIf(!hasChromium)('the HTML report, rendered in headless Chromium', () => {
  let browser: Browser;
  let summary: AuditSummary;
  let html: string;

  beforeAll(async () => {
    summary = await auditExampleLog();
    html = renderSummary(summary, { format: 'html', profile: 'gb-t-45251-2025' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart: one bar per rule, per organisation and per hour, sized by its count', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html, { waitUntil: 'load' });
    const charts = await Promise.all(['chart-rule', 'chart-organization', 'chart-hour'].map(async (id) => {
      const box = await page.locator(`#${id}`).boundingBox();
      const bars = await page.locator(`#${id} rect.bar`).evaluateAll((rects) => rects.map((bar) => {
        const b = bar.getBoundingClientRect();
        return { key: bar.getAttribute('data-key'), count: Number(bar.getAttribute('data-count')), width: b.width, height: b.height };
      }));
      return { id, width: box?.width ?? 0, height: box?.height ?? 0, bars };
    }));
    const [rule, organization, hour] = charts;
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(20);
    }
    expect(rule?.bars.map((b) => [b.key, b.count])).toEqual(Object.entries(summary.byRule));
    expect(organization?.bars.map((b) => [b.key, b.count])).toEqual(Object.entries(summary.byOrganization));
    expect(hour?.bars.map((b) => b.count)).toEqual(summary.byLocalHour);
    for (const bar of [...(rule?.bars ?? []), ...(organization?.bars ?? [])]) expect(bar.width * bar.height, String(bar.key)).toBeGreaterThan(0);
    for (const bar of hour?.bars ?? []) expect(bar.height > 0, `hour ${bar.key}`).toBe(bar.count > 0);
    // Longer bars for larger counts.
    const widths = rule?.bars.map((b) => b.width) ?? [];
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    // Self-contained: nothing fetched.
    expect(requests).toEqual([]);
    await page.close();
  });

  it('lists the worst offenders by id, and nothing personal from the log', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    const orgRows = await page.$$eval('#offenders-organization tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    const collectorRows = await page.$$eval('#offenders-collector tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent));
    await page.close();
    expect(orgRows[0]?.slice(0, 3)).toEqual(['1', ...Object.entries(summary.byOrganization)[0]!.map(String)]);
    expect(collectorRows).toEqual(Object.keys(summary.byCollector).slice(0, 15));
    // Debtors (D0001), contacts (C0001), debts (L0001), phone refs (P0001) and record ids (R00001) never appear.
    expect(html).not.toMatch(/\b[DCLP]\d{4}\b|\bR\d{5}\b/);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
  });
});

describe.skipIf(!hasChromium)('the HTML report with findings, rendered in headless Chromium', () => {
  let browser: Browser;
  let summary: AuditSummary;
  let sample: FindingsSample;
  let html: string;
  const example = generateExampleLog();

  beforeAll(async () => {
    const builder = createAuditSummary();
    const sampler = createFindingsSampler(100);
    const records = example.text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    for await (const verdict of audit(records)) {
      builder.add(verdict);
      for (const row of findingRows(verdict, { locale: 'zh-CN' })) sampler.add(row);
    }
    summary = builder.result();
    sample = sampler.result();
    html = renderSummary(summary, { format: 'html', locale: 'zh-CN', profile: 'gb-t-45251-2025', findings: sample, source: 'collection-log.jsonl', generatedAt: '2026-12-04T07:00:00Z' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('says what it covers: period in Beijing time, generation time, source, profile and ruleset, violations vs denied', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    const meta = await page.$$eval('dl.meta div', (rows) => rows.map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]));
    const sub = await page.textContent('p.sub');
    const explain = await page.textContent('p.explain');
    await page.close();
    // The first record is at 07:14:49 in Shanghai; the last one, a London debtor's, at 22:42:23 London time.
    expect(meta).toEqual([
      ['时间范围', '2026-11-30 07:14:49 … 2026-12-02 06:42:23（北京时间，UTC+08:00）'],
      ['生成时间', '2026-12-04 15:00:00（北京时间，UTC+08:00）'],
      ['来源文件', 'collection-log.jsonl'],
    ]);
    expect(sub).toMatch(/GB\/T 45251—2025 · 配置 gb-t-45251-2025 · 规则集 \d+\.\d+\.\d+/);
    expect(explain).toContain(`本次共 ${summary.denied} 条拒绝记录，${summary.violations} 项违规`);
    expect(summary.violations).toBeGreaterThan(summary.denied);
  });

  it('lists the rules by Chinese topic, clause and id, topic first in the zh-CN page', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    const rows = await page.$$eval('#by-rule tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    await page.close();
    expect(rows.map((r) => [r[2], Number(r[3])])).toEqual(Object.entries(summary.byRule));
    expect(rows.find((r) => r[2] === 'collection-hours')?.slice(0, 2)).toEqual(['催收时间', 'GB/T 45251—2025 5.3']);
    expect(rows.find((r) => r[2] === 'agency-authorization')?.slice(0, 2)).toEqual(['第三方催收机构委托与评估', 'GB/T 45251—2025 5.4']);
  });

  it('shows the findings per rule, capped with a note, sortable, filterable and paged in the page itself', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html, { waitUntil: 'load' });
    const boxes = await page.$$eval('.findings details', (ds) => ds.map((d) => ({
      rule: d.getAttribute('data-rule'), rows: d.querySelectorAll('tbody tr').length, capped: d.querySelector('.capped')?.textContent ?? null,
    })));
    // Every rule with its findings: all of them up to the cap of 100, and a note beyond it.
    expect(boxes.map((b) => b.rule)).toEqual(Object.keys(summary.byRule));
    for (const b of boxes) {
      const total = summary.byRule[b.rule!]!;
      expect(b.rows, b.rule!).toBe(Math.min(total, 100));
      expect(b.capped, b.rule!).toBe(total > 100 ? `仅显示前 100 项，共 ${total} 项：用 --findings 文件.csv 导出全部。` : null);
    }
    // The planted records of one rule, as the page lists them.
    const box = page.locator('.findings details[data-rule="collection-hours"]');
    await box.locator('summary').click();
    const visibleIds = (): Promise<string[]> => box.locator('tbody tr:not([hidden]) td:nth-child(2)').allTextContents();
    const planted = example.plantedFindings.filter((f) => f.rule === 'collection-hours').map((f) => f.recordId);
    expect((await visibleIds()).sort()).toEqual([...planted].sort());
    // Sort by line, descending on the second click.
    await box.locator('th').first().click();
    await box.locator('th').first().click();
    expect(await visibleIds()).toEqual([...planted].sort().reverse());
    // Filter by organisation.
    await box.locator('input').fill('AGY-B');
    const orgs = await box.locator('tbody tr:not([hidden]) td:nth-child(5)').allTextContents();
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o === 'AGY-B')).toBe(true);
    expect(await box.locator('.page').textContent()).toBe(`第 1/1 页 · 共 ${orgs.length} 行`);
    // Paging: 100 rows of agency-authorization, one page at a time.
    const big = page.locator('.findings details[data-rule="agency-authorization"]');
    await big.locator('summary').click();
    expect(await big.locator('tbody tr:not([hidden])').count()).toBe(FINDINGS_PAGE_SIZE);
    await big.locator('.next').click();
    expect(await big.locator('.page').textContent()).toBe(`第 2/${Math.ceil(100 / FINDINGS_PAGE_SIZE)} 页 · 共 100 行`);
    await page.screenshot({ path: join(tmpdir(), 'cuishou-guard-report.png'), fullPage: true });
    await page.close();
    expect(requests).toEqual([]);
  });
});
