/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground page: a context and an action as JSON, the decision, the next allowed moment, today's
 * quota and the debtor's local day, recomputed on every edit. The engine is the package's own ESM build
 * (dist/index.js): examples/playground/build.ts bundles this file with the import below redirected there.
 * Everything the page shows comes from the public API; the page only draws it.
 */
import { VERSION, checkAction, quota, scheduleAction, type ActionInput, type ContextInput, type Decision, type Finding, type Quota, type ScheduleResult } from '../../src/index.js';
import { scenarios } from './scenarios.js';

type Locale = 'zh-CN' | 'en';
type Problem = { readonly path: string; readonly message: string };

const TEXT = {
  en: {
    title: 'cuishou-guard playground',
    lede: 'Paste a case and a proposed action; the engine (GB/T 45251—2025) answers as you type. Nothing leaves this page.',
    scenario: 'Scenario', profile: 'Profile', locale: 'Language', context: 'Context (the case)', action: 'Action (what is proposed)',
    decision: 'Decision', violations: 'Violations', noViolations: 'No violation.', obligations: 'Obligations', noObligations: 'None.',
    problems: 'Problems in the input', next: 'Next allowed moment', quota: 'Today’s quota', day: 'The debtor’s local day',
    now: 'now: the proposed time is allowed', none: 'none within the horizon (until {end})', never: 'never: waiting cannot help',
    searchLimit: 'not found: the search reached its cap on work at {until}; search again from there',
    reasons: 'Standing in the way', calls: 'Connected calls', visits: 'Visits', window: 'Collection window', open: 'open', closed: 'closed',
    closes: 'closes {t}', opens: 'opens {t}', left: '{used} used of {cap}, {left} left', fromAgreement: 'agreed with the debtor',
    perNumber: 'Unanswered attempts on number {ref}', notJson: 'not valid JSON: {m}', nothingChecked: 'nothing was checked',
    legendWindow: 'allowed window', legendConnected: 'connected call', legendUnanswered: 'unanswered call', legendVisit: 'visit',
    legendOther: 'other contact', legendProposed: 'proposed action', legendNext: 'next allowed', nextDay: 'next: {t}',
    stripUnavailable: 'The day cannot be drawn until the input is valid.', rule: 'rule', clause: 'clause', topic: 'topic', message: 'message',
    stricter: 'stricter than national, from {kind} {profile}', rulesRun: '{n} rules evaluated',
    later: 'the earliest instant at which the same action is allowed', fixInput: 'The input has problems (above): nothing can be scheduled.',
  },
  'zh-CN': {
    title: 'cuishou-guard 在线试用',
    lede: '填入案件与拟进行的催收行为，引擎（GB/T 45251—2025）即时给出结论。所有计算都在本页完成，不发送任何数据。',
    scenario: '场景', profile: '配置', locale: '语言', context: '案件（context）', action: '催收行为（action）',
    decision: '结论', violations: '违规', noViolations: '无违规。', obligations: '义务', noObligations: '无。',
    problems: '输入问题', next: '最早允许时间', quota: '当日额度', day: '债务人当地的一天',
    now: '现在：拟定时间即被允许', none: '在查找范围内（至 {end}）没有允许的时间', never: '不会被允许：等待无济于事',
    searchLimit: '未找到：查找已达单次工作上限（查至 {until}），可从该时间再次查找',
    reasons: '阻碍原因', calls: '已接通电话', visits: '上门', window: '催收时段', open: '开放', closed: '关闭',
    closes: '{t} 关闭', opens: '{t} 开放', left: '已用 {used}／上限 {cap}，剩余 {left}', fromAgreement: '与债务人约定',
    perNumber: '号码 {ref} 的未接通呼叫', notJson: '不是有效的 JSON：{m}', nothingChecked: '未进行任何检查',
    legendWindow: '允许时段', legendConnected: '已接通电话', legendUnanswered: '未接通电话', legendVisit: '上门',
    legendOther: '其他联系', legendProposed: '拟进行的行为', legendNext: '最早允许', nextDay: '下次：{t}',
    stripUnavailable: '输入有效后才能绘制这一天。', rule: '规则', clause: '条款', topic: '主题', message: '说明',
    stricter: '严于国标，来自 {kind} {profile}', rulesRun: '评估了 {n} 条规则',
    later: '同一行为最早被允许的时间', fixInput: '输入有问题（见上）：无法安排时间。',
  },
} as const;
type Key = keyof (typeof TEXT)['en'];

const byTestId = <T extends HTMLElement>(id: string): T => {
  const found = document.querySelector<T>(`[data-testid="${id}"]`);
  if (found === null) throw new Error(`the page has no [data-testid="${id}"]`);
  return found;
};

const ui = {
  scenario: byTestId<HTMLSelectElement>('scenario'),
  profile: byTestId<HTMLSelectElement>('profile'),
  locale: byTestId<HTMLSelectElement>('locale'),
  context: byTestId<HTMLTextAreaElement>('context'),
  action: byTestId<HTMLTextAreaElement>('action'),
  outcome: byTestId<HTMLElement>('outcome'),
  summary: byTestId<HTMLElement>('summary'),
  problems: byTestId<HTMLElement>('problems'),
  violations: byTestId<HTMLElement>('violations'),
  obligations: byTestId<HTMLElement>('obligations'),
  next: byTestId<HTMLElement>('next-allowed'),
  quota: byTestId<HTMLElement>('quota'),
  strip: byTestId<HTMLElement>('day-strip'),
  version: byTestId<HTMLElement>('version'),
};

let locale: Locale = 'zh-CN';
const t = (key: Key, values: Record<string, string | number> = {}): string =>
  TEXT[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
const pick = (m: { zh: string; en: string }): string => (locale === 'zh-CN' ? m.zh : m.en);

/** An element with attributes and children; text is always set as text, never parsed as HTML. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Local time in the debtor's zone, for drawing only (the engine decides with its own zone code).

interface Local {
  readonly date: string;
  /** Minutes since local midnight, fractional. */
  readonly minute: number;
  readonly clock: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function local(ms: number, zone: string): Local {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    if (formatters.size > 50) formatters.clear();
    formatters.set(zone, f);
  }
  const part = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  const hour = Number(part.hour);
  const minute = Number(part.minute);
  return { date: `${part.year}-${part.month}-${part.day}`, minute: hour * 60 + minute + Number(part.second) / 60, clock: `${part.hour}:${part.minute}` };
}

/** The instant of local midnight on the local date containing `ms` (two passes settle the offset). */
function localMidnight(ms: number, zone: string): number {
  const [y, m, d] = local(ms, zone).date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const l = local(guess, zone);
    const [gy, gm, gd] = l.date.split('-').map(Number) as [number, number, number];
    const shownWall = Date.UTC(gy, gm - 1, gd) + Math.round(l.minute * 60_000);
    guess += wall - shownWall;
  }
  return guess;
}

/** The allowed window(s) of one local day as [startMinute, endMinute) pairs, walked with `quota`. */
function windowsOfDay(context: ContextInput, profile: string, dayStart: number, zone: string): [number, number][] {
  const dayEnd = dayStart + 24 * 3_600_000;
  const segments: [number, number][] = [];
  let at = dayStart;
  for (let step = 0; step < 16 && at < dayEnd; step += 1) {
    const q = quota(context, new Date(at).toISOString(), { profile });
    if (!q.ok || q.quota === null) break;
    const w = q.quota.window;
    const flip = w.open ? w.closesAt : w.opensAt;
    const until = flip === null ? dayEnd : Math.min(Date.parse(flip), dayEnd);
    if (w.open) segments.push([local(at, zone).minute, until >= dayEnd ? 1440 : local(until, zone).minute]);
    if (flip === null || until <= at) break;
    at = until;
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

function findingRow(f: Finding): HTMLElement {
  const source = f.source === undefined || f.source.kind === 'house' ? [] : [h('div', { class: 'source' }, t('stricter', { kind: f.source.kind, profile: f.source.profile }))];
  return h(
    'li',
    { class: 'finding', 'data-rule': f.rule, 'data-code': f.code },
    h('div', { class: 'finding-head' },
      h('code', { class: 'rule', title: t('rule') }, f.rule),
      h('span', { class: 'clause', title: t('clause') }, `${f.clause.standard} ${f.clause.clause}`),
      h('span', { class: 'topic', title: t('topic') }, f.clause.topic),
      h('code', { class: 'code' }, f.code)),
    h('div', { class: 'message', title: t('message') }, pick(f.message)),
    ...source,
  );
}

function renderFindings(target: HTMLElement, findings: readonly Finding[], empty: Key): void {
  target.replaceChildren(findings.length === 0 ? h('p', { class: 'empty' }, t(empty)) : h('ul', { class: 'findings' }, ...findings.map(findingRow)));
}

function renderProblems(problems: readonly Problem[]): void {
  ui.problems.hidden = problems.length === 0;
  for (const name of ['context', 'action'] as const) {
    ui[name].classList.toggle('bad', problems.some((p) => p.path === name || p.path.startsWith(`${name}.`)));
  }
  ui.problems.replaceChildren(
    h('h3', {}, t('problems')),
    h('ul', {}, ...problems.map((p) => h('li', { 'data-path': p.path }, h('code', {}, p.path), ' ', p.message))),
  );
}

function renderNext(schedule: ScheduleResult | null, actionAt: string | null): void {
  if (schedule === null) {
    ui.next.replaceChildren(h('p', { class: 'empty' }, t('nothingChecked')));
    ui.next.dataset.at = '';
    return;
  }
  ui.next.dataset.at = schedule.at ?? '';
  if (schedule.reasons.some((r) => r.rule === 'invalid-input')) {
    ui.next.replaceChildren(h('p', { class: 'empty' }, t('fixInput')));
    return;
  }
  const head =
    schedule.at === null
      ? h('p', { class: 'next-none' }, schedule.permanent ? t('never') : schedule.status === 'search-limit' ? t('searchLimit', { until: schedule.searchedUntil ?? '—' }) : t('none', { end: schedule.horizonEnd ?? '—' }))
      : schedule.at === actionAt
        ? h('p', { class: 'next-now' }, h('time', {}, schedule.at), ' — ', t('now'))
        : h('p', { class: 'next-at' }, h('time', {}, schedule.at), ' — ', t('later'));
  const reasons = schedule.reasons.length === 0 ? [] : [h('h3', {}, t('reasons')), h('ul', { class: 'findings' }, ...schedule.reasons.map(findingRow))];
  ui.next.replaceChildren(head, ...reasons);
}

function renderQuota(q: Quota | null): void {
  if (q === null) {
    ui.quota.replaceChildren(h('p', { class: 'empty' }, t('nothingChecked')));
    return;
  }
  const rows: [string, string][] = [
    [t('calls'), t('left', { used: q.voice.used, cap: q.voice.cap, left: q.voice.left }) + (q.voice.capSource === 'agreement' ? ` (${t('fromAgreement')})` : '')],
    [t('visits'), t('left', { used: q.visits.used, cap: q.visits.cap, left: q.visits.left })],
    [t('window'), [
      q.window.open ? t('open') : t('closed'),
      ...(q.window.closesAt === null ? [] : [t('closes', { t: q.window.closesAt })]),
      ...(q.window.opensAt === null ? [] : [t('opens', { t: q.window.opensAt })]),
    ].join(locale === 'zh-CN' ? '，' : ', ') + (q.window.source === 'agreement' ? ` (${t('fromAgreement')})` : '')],
    ...Object.entries(q.unansweredByNumber ?? {}).map(([ref, n]): [string, string] => [t('perNumber', { ref }), t('left', { used: n.used, cap: n.cap, left: n.left })]),
  ];
  ui.quota.replaceChildren(
    h('p', { class: 'quota-date' }, `${q.localDate} (${q.timeZone})`),
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}

interface HistoryLike {
  readonly channel?: unknown;
  readonly at?: unknown;
  readonly outcome?: unknown;
}

function kindOf(entry: HistoryLike): 'connected' | 'unanswered' | 'visit' | 'other' {
  if (entry.channel === 'visit') return 'visit';
  if (entry.channel === 'voice') return entry.outcome === 'connected' ? 'connected' : 'unanswered';
  return 'other';
}

const W = 720;
const X0 = 30;
const X1 = W - 30;
const x = (minute: number): number => X0 + ((X1 - X0) * Math.min(Math.max(minute, 0), 1440)) / 1440;

function renderStrip(context: Record<string, unknown> | null, action: Record<string, unknown> | null, decision: Decision, schedule: ScheduleResult | null, profile: string, q: Quota | null): void {
  const actionAt = typeof action?.at === 'string' ? Date.parse(action.at) : Number.NaN;
  if (context === null || q === null || Number.isNaN(actionAt)) {
    ui.strip.replaceChildren(h('p', { class: 'empty' }, t('stripUnavailable')));
    return;
  }
  const zone = q.timeZone;
  const dayStart = localMidnight(actionAt, zone);
  const today = local(actionAt, zone).date;
  const svg = s('svg', { viewBox: `0 0 ${W} 140`, role: 'img', 'aria-label': `${t('day')} ${today}`, class: 'strip' });
  svg.append(s('rect', { x: X0, y: 40, width: X1 - X0, height: 44, class: 'night' }));
  for (const [from, to] of windowsOfDay(context as ContextInput, profile, dayStart, zone)) {
    svg.append(s('rect', { x: x(from), y: 40, width: Math.max(0, x(to) - x(from)), height: 44, class: 'window', 'data-from': Math.round(from), 'data-to': Math.round(to) }));
  }
  for (let hour = 0; hour <= 24; hour += 1) {
    const major = hour % 3 === 0;
    svg.append(s('line', { x1: x(hour * 60), x2: x(hour * 60), y1: 84, y2: major ? 92 : 88, class: 'tick' }));
    if (major) svg.append(s('text', { x: x(hour * 60), y: 106, class: 'hour' }, `${String(hour).padStart(2, '0')}:00`));
  }
  const history = Array.isArray(context.history) ? (context.history as HistoryLike[]) : [];
  for (const entry of history.slice(0, 1000)) {
    if (typeof entry?.at !== 'string') continue;
    const ms = Date.parse(entry.at);
    if (Number.isNaN(ms)) continue;
    const l = local(ms, zone);
    if (l.date !== today) continue;
    const kind = kindOf(entry);
    const cx = x(l.minute);
    const attrs = { class: `mark ${kind}`, 'data-kind': kind, 'data-at': entry.at };
    const title = s('title', {}, `${l.clock} ${String(entry.channel)} ${String(entry.outcome)}`);
    const mark = kind === 'visit' ? s('rect', { ...attrs, x: cx - 6, y: 56, width: 12, height: 12 }) : s('circle', { ...attrs, cx, cy: 62, r: kind === 'other' ? 4 : 6 });
    mark.append(title);
    svg.append(mark);
  }
  const proposed = local(actionAt, zone);
  const px = x(proposed.minute);
  svg.append(
    s('line', { x1: px, x2: px, y1: 26, y2: 92, class: `proposed ${decision.outcome}`, 'data-testid': 'strip-proposed' }),
    s('text', { x: px, y: 20, class: `label proposed-label ${decision.outcome}`, 'text-anchor': px > W - 100 ? 'end' : px < 100 ? 'start' : 'middle' }, `${t('legendProposed')} ${proposed.clock}`),
  );
  if (schedule !== null && schedule.at !== null && schedule.at !== action?.at) {
    const nextMs = Date.parse(schedule.at);
    const n = local(nextMs, zone);
    if (n.date === today) {
      const nx = x(n.minute);
      svg.append(
        s('line', { x1: nx, x2: nx, y1: 36, y2: 92, class: 'next', 'data-testid': 'strip-next' }),
        s('text', { x: nx, y: 128, class: 'label next-label', 'text-anchor': nx > W - 100 ? 'end' : nx < 100 ? 'start' : 'middle' }, `${t('legendNext')} ${n.clock}`),
      );
    } else {
      svg.append(
        s('path', { d: `M ${X1 - 2} 56 l 12 6 l -12 6 z`, class: 'next-arrow', 'data-testid': 'strip-next' }),
        s('text', { x: X1, y: 128, class: 'label next-label', 'text-anchor': 'end' }, t('nextDay', { t: `${n.date} ${n.clock}` })),
      );
    }
  }
  const legend = h('ul', { class: 'legend' },
    ...(['window', 'connected', 'unanswered', 'visit', 'other', 'proposed', 'next'] as const).map((k) =>
      h('li', {}, h('span', { class: `swatch ${k}` }), t(`legend${k[0]?.toUpperCase()}${k.slice(1)}` as Key))));
  ui.strip.dataset.date = today;
  ui.strip.replaceChildren(h('p', { class: 'strip-date' }, `${today} (${zone})`), svg, legend);
}

// ---------------------------------------------------------------------------------------------------------

function parse(name: 'context' | 'action', text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: { path: name, message: t('notJson', { m: error instanceof Error ? error.message : String(error) }) } };
  }
}

const asRecord = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function update(): void {
  locale = ui.locale.value === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = locale;
  applyStaticText();
  const profile = ui.profile.value;
  const ctx = parse('context', ui.context.value);
  const act = parse('action', ui.action.value);
  if (!ctx.ok || !act.ok) {
    // Fail closed, as the engine does: nothing could be checked, so nothing is allowed.
    ui.outcome.textContent = 'deny';
    ui.outcome.className = 'outcome deny';
    ui.summary.textContent = t('nothingChecked');
    renderProblems([...(ctx.ok ? [] : [ctx.problem]), ...(act.ok ? [] : [act.problem])]);
    ui.violations.replaceChildren();
    ui.obligations.replaceChildren();
    renderNext(null, null);
    renderQuota(null);
    ui.strip.replaceChildren(h('p', { class: 'empty' }, t('stripUnavailable')));
    return;
  }
  // Text typed by a person: any JSON. The engine validates it (fail closed); the types only name what is expected.
  const context = ctx.value as ContextInput;
  const typed = act.value as ActionInput;
  const decision = checkAction(context, typed, { profile });
  const schedule = scheduleAction(context, typed, { profile });
  const action = asRecord(act.value);
  const q = quota(context, action?.at as string, { profile });
  ui.outcome.textContent = decision.outcome;
  ui.outcome.className = `outcome ${decision.outcome}`;
  ui.summary.textContent = `${decision.ruleset.standard} · ${decision.ruleset.profile} · ${t('rulesRun', { n: decision.evaluated.length })}`;
  const invalid = decision.violations.find((v) => v.rule === 'invalid-input');
  const issues = invalid === undefined ? [] : ((invalid.facts.issues ?? []) as unknown as Problem[]);
  renderProblems(issues);
  renderFindings(ui.violations, decision.violations, 'noViolations');
  renderFindings(ui.obligations, decision.obligations, 'noObligations');
  renderNext(schedule, typeof action?.at === 'string' ? action.at : null);
  renderQuota(q.quota);
  renderStrip(asRecord(ctx.value), action, decision, schedule, profile, q.quota);
}

function applyStaticText(): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = t(node.dataset.text as Key);
  for (const option of ui.scenario.options) {
    const scenario = scenarios.find((sc) => sc.id === option.value);
    if (scenario !== undefined) option.textContent = locale === 'zh-CN' ? scenario.title.zh : scenario.title.en;
  }
}

function load(id: string): void {
  const scenario = scenarios.find((sc) => sc.id === id) ?? scenarios[0];
  if (scenario === undefined) return;
  ui.context.value = JSON.stringify(scenario.context, null, 2);
  ui.action.value = JSON.stringify(scenario.action, null, 2);
}

ui.scenario.replaceChildren(...scenarios.map((sc) => h('option', { value: sc.id }, sc.title.en)));
ui.scenario.value = 'late-call';
ui.version.textContent = `v${VERSION}`;
ui.scenario.addEventListener('change', () => {
  load(ui.scenario.value);
  update();
});
for (const control of [ui.profile, ui.locale]) control.addEventListener('change', update);
for (const editor of [ui.context, ui.action]) editor.addEventListener('input', update);
load(ui.scenario.value);
update();
document.body.dataset.ready = 'true';
