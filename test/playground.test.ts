/**
 * The playground (examples/playground), built as `npm run playground` builds it (from dist/index.js) and
 * opened from a file:// URL in headless Chromium: every scenario gives the decision checkAction gives in
 * Node on the same text, edits recompute it, bad input shows the engine's problems with their paths, and
 * nothing is fetched. PLAYGROUND_SCREENSHOT=/some/file.png saves a screenshot of the first scenario.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build as tsup, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAction, scheduleAction } from '../src/index.js';
import { ENGINE, buildPlayground } from '../examples/playground/build.js';
import { scenarios } from '../examples/playground/scenarios.js';
import tsupConfig from '../tsup.config.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`playground.test.ts: ${CHROMIUM} is absent, so the playground is not tested in a browser (apt-get install chromium).`);

const root = fileURLToPath(new URL('..', import.meta.url));
const PROFILES = ['gb-t-45251-2025', 'cba-2026'] as const;

/** The newest modification time of any file under a directory (bounded walk over this repository's src/). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** What each scenario is for: the rules it must trip under the national profile. */
const INTENDED: Record<string, { outcome: 'allow' | 'deny'; rules: string[] }> = {
  'allowed-call': { outcome: 'allow', rules: [] },
  'late-call': { outcome: 'deny', rules: ['collection-hours'] },
  'fourth-connected-call': { outcome: 'deny', rules: ['voice-daily-cap'] },
  'visit-one-person': { outcome: 'deny', rules: ['visit-staffing'] },
  'contact-told-debt': { outcome: 'deny', rules: ['contact-disclosure'] },
  'ai-without-handoff': { outcome: 'deny', rules: ['ai-fairness'] },
};

describe.skipIf(!hasChromium)('the playground, built and opened from file:// in headless Chromium', () => {
  let browser: Browser;
  let work: string;
  let url: string;
  let page: Page;
  const requests: string[] = [];
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cuishou-guard-playground-'));
    // The page bundles the shipped ESM build. When dist/index.js is missing or older than src/, the same tsup
    // build (tsup.config.ts's library entry, ESM only, no declarations) is made in the temp dir rather than
    // in dist/, which other tests read at the same time.
    let engine = ENGINE;
    if (!existsSync(ENGINE) || statSync(ENGINE).mtimeMs < newest(join(root, 'src'))) {
      const library = (Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig) as Options;
      const outDir = join(work, 'engine');
      await tsup({ ...library, format: ['esm'], dts: false, sourcemap: false, clean: false, outDir, config: false, silent: true });
      engine = join(outDir, 'index.js');
    }
    const file = join(work, 'index.html');
    writeFileSync(file, await buildPlayground(engine));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(m.text());
    });
    // The page's Content-Security-Policy blocks a fetch before it is a request: count what it blocks too.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { blocked?: string[] };
        (w.blocked ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    expect(errors).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  const testId = (id: string) => page.locator(`[data-testid="${id}"]`);
  /** What the page shows: outcome, violation rule ids, and the next allowed instant. */
  const shown = async () => ({
    outcome: await testId('outcome').textContent(),
    rules: await testId('violations').locator('.finding').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule'))),
    next: await testId('next-allowed').getAttribute('data-at'),
  });
  /** What Node decides on the text now in the editors. */
  const inNode = async (profile: string) => {
    const context = JSON.parse(await testId('context').inputValue()) as unknown;
    const action = JSON.parse(await testId('action').inputValue()) as unknown;
    const decision = checkAction(context, action, { profile });
    return { decision, outcome: decision.outcome, rules: decision.violations.map((v) => v.rule), next: scheduleAction(context, action, { profile }).at ?? '' };
  };

  it('opens on the README example (the 23:00 call), denied by collection-hours, next allowed at 08:00', async () => {
    expect(await testId('scenario').inputValue()).toBe('late-call');
    expect(await shown()).toEqual({ outcome: 'deny', rules: ['collection-hours'], next: '2026-12-01T08:00:00+08:00' });
    if (process.env.PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT, fullPage: true });
  });

  it('every scenario, under both profiles, shows what checkAction and scheduleAction say in Node', async () => {
    expect(await testId('scenario').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(scenarios.map((s) => s.id));
    for (const profile of PROFILES) {
      await testId('profile').selectOption(profile);
      for (const scenario of scenarios) {
        await testId('scenario').selectOption(scenario.id);
        const node = await inNode(profile);
        expect(await shown(), `${scenario.id} under ${profile}`).toEqual({ outcome: node.outcome, rules: node.rules, next: node.next });
        if (profile === 'gb-t-45251-2025') expect({ outcome: node.outcome, rules: node.rules }, scenario.id).toEqual(INTENDED[scenario.id]);
        // Each violation's clause and topic as the decision has them.
        const heads = await testId('violations').locator('.finding').evaluateAll((items) =>
          items.map((i) => [i.querySelector('.clause')?.textContent, i.querySelector('.topic')?.textContent]));
        expect(heads).toEqual(node.decision.violations.map((v) => [`${v.clause.standard} ${v.clause.clause}`, v.clause.topic]));
        expect(await testId('obligations').locator('.finding').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule'))))
          .toEqual(node.decision.obligations.map((o) => o.rule));
      }
    }
    // Under cba-2026 a call with no phoneRef is denied (unanswered attempts are counted per number).
    await testId('profile').selectOption('cba-2026');
    await testId('scenario').selectOption('allowed-call');
    const action = JSON.parse(await testId('action').inputValue()) as Record<string, unknown>;
    delete action.phoneRef;
    await testId('action').fill(JSON.stringify(action));
    expect((await shown()).rules).toEqual((await inNode('cba-2026')).rules);
    expect((await shown()).rules).toContain('unanswered-attempts-cap');
    await testId('profile').selectOption('gb-t-45251-2025');
    expect(await shown()).toMatchObject({ outcome: 'allow', rules: [] });
  });

  it('editing the action’s time recomputes the decision: 10:00 allowed, 22:00 denied, 21:59 allowed', async () => {
    await testId('profile').selectOption('gb-t-45251-2025');
    await testId('scenario').selectOption('allowed-call');
    expect(await testId('outcome').textContent()).toBe('allow');
    expect(await testId('next-allowed').getAttribute('data-at')).toBe('2026-11-30T10:00:00+08:00');
    const text = await testId('action').inputValue();
    await testId('action').fill(text.replace('2026-11-30T10:00:00+08:00', '2026-11-30T22:00:00+08:00'));
    expect(await shown()).toEqual({ outcome: 'deny', rules: ['collection-hours'], next: '2026-12-01T08:00:00+08:00' });
    expect(await testId('violations').locator('.message').first().textContent()).toBe((await inNode('gb-t-45251-2025')).decision.violations[0]?.message.zh);
    await testId('action').fill(text.replace('2026-11-30T10:00:00+08:00', '2026-11-30T21:59:00+08:00'));
    expect(await shown()).toEqual({ outcome: 'allow', rules: [], next: '2026-11-30T21:59:00+08:00' });
  });

  it('the locale picks the message language', async () => {
    await testId('scenario').selectOption('late-call');
    const { decision } = await inNode('gb-t-45251-2025');
    await testId('locale').selectOption('en');
    expect(await testId('violations').locator('.message').first().textContent()).toBe(decision.violations[0]?.message.en);
    await testId('locale').selectOption('zh-CN');
    expect(await testId('violations').locator('.message').first().textContent()).toBe(decision.violations[0]?.message.zh);
  });

  it('draws the local day: the 08:00–22:00 window, today’s history by kind, the proposed action and the next moment', async () => {
    await testId('scenario').selectOption('fourth-connected-call');
    const strip = testId('day-strip');
    expect(await strip.getAttribute('data-date')).toBe('2026-11-30');
    const windows = await strip.locator('rect.window').evaluateAll((rects) => rects.map((r) => [Number(r.getAttribute('data-from')), Number(r.getAttribute('data-to'))]));
    expect(windows).toEqual([[8 * 60, 22 * 60]]);
    const marks = await strip.locator('.mark').evaluateAll((items) => items.map((i) => [i.getAttribute('data-kind'), i.getAttribute('data-at')]));
    expect(marks).toEqual([
      ['connected', '2026-11-30T09:05:00+08:00'],
      ['unanswered', '2026-11-30T11:40:00+08:00'],
      ['connected', '2026-11-30T14:10:00+08:00'],
      ['connected', '2026-11-30T16:20:00+08:00'],
    ]);
    // The proposed 18:00 sits 18/24 of the way along the window band, and is drawn as denied.
    const band = await strip.locator('rect.night').boundingBox();
    const proposed = await strip.locator('[data-testid="strip-proposed"]').boundingBox();
    expect(band && proposed).toBeTruthy();
    expect(Math.abs((proposed!.x + proposed!.width / 2 - band!.x) / band!.width - 18 / 24)).toBeLessThan(0.01);
    expect(await strip.locator('[data-testid="strip-proposed"]').getAttribute('class')).toContain('deny');
    // Next allowed is tomorrow 08:00: pointed to at the strip's end, with its date.
    expect(await strip.locator('[data-testid="strip-next"]').count()).toBe(1);
    expect(await strip.textContent()).toContain('2026-12-01 08:00');
    // A visit in the history is drawn as a visit; quota counts it.
    await testId('scenario').selectOption('visit-one-person');
    const context = JSON.parse(await testId('context').inputValue()) as { history: unknown[] };
    context.history.push({ channel: 'visit', at: '2026-11-30T09:30:00+08:00', target: { role: 'debtor', partyId: 'D1' }, outcome: 'completed' });
    await testId('context').fill(JSON.stringify(context, null, 2));
    expect(await strip.locator('.mark').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))).toEqual(['visit']);
    expect(await testId('quota').textContent()).toMatch(/已用 1／上限 1，剩余 0/);
  });

  it('invalid JSON and invalid input show the problems with their paths, and deny', async () => {
    await testId('scenario').selectOption('allowed-call');
    const original = await testId('context').inputValue();
    await testId('context').fill('{ "debtor": ');
    expect(await testId('outcome').textContent()).toBe('deny');
    expect(await testId('problems').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')))).toEqual(['context']);
    expect(await testId('problems').isVisible()).toBe(true);

    const context = JSON.parse(original) as { debtor: Record<string, unknown> };
    context.debtor.timeZone = 'Mars/Olympus';
    await testId('context').fill(JSON.stringify(context));
    const action = JSON.parse(await testId('action').inputValue()) as Record<string, unknown>;
    await testId('action').fill(JSON.stringify({ ...action, at: '2026-11-30 10:00' }));
    const node = await inNode('gb-t-45251-2025');
    const issues = node.decision.violations[0]?.facts.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['context.debtor.timeZone', 'action.at']));
    expect(await shown()).toEqual({ outcome: 'deny', rules: ['invalid-input'], next: '' });
    const listed = await testId('problems').locator('li').evaluateAll((items) => items.map((i) => [i.getAttribute('data-path'), i.textContent]));
    expect(listed).toEqual(issues.map((i) => [i.path, `${i.path} ${i.message}`]));

    await testId('context').fill(original);
    await testId('scenario').selectOption('allowed-call');
    expect(await testId('outcome').textContent()).toBe('allow');
    expect(await testId('problems').isVisible()).toBe(false);
  });

  it('fetched nothing: every request was for the file itself, and nothing was blocked or logged as an error', async () => {
    expect(requests).toEqual([]);
    // zod probes whether `new Function` works (for its JIT); the page's policy refuses, and zod falls back to
    // its interpreter (the decisions above are the same as in Node). That probe fetches nothing; anything else would.
    const blocked = await page.evaluate(() => (window as unknown as { blocked?: string[] }).blocked ?? []);
    expect(blocked.filter((b) => b !== 'script-src eval')).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
