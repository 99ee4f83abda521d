import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSummary, type AuditSummary } from '../../src/index.js';
import { auditExampleLog } from '../../examples/start.js';

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
