/**
 * The findings section of the HTML report: per rule, the records that broke it, in a table the reader can
 * sort (click a heading), filter (type in the box) and page through, by a small inline script that needs
 * no server and no network. Without the script the rows are all there, unsorted and unpaged.
 */
import { escape } from '../../report-kit/html-kit.js';
import type { FindingsSample } from '../findings.js';
import type { Labels } from './labels.js';

/** Rows shown per page of a findings table. */
export const FINDINGS_PAGE_SIZE = 25;

export const FINDINGS_CSS = `
.findings details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 4px 12px; }
.findings summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.findings summary .count { color: var(--muted); font-weight: 400; }
.findings .tools { display: flex; gap: 12px; align-items: center; margin: 8px 0; color: var(--muted); }
.findings input { font: inherit; padding: 2px 6px; border: 1px solid var(--line); border-radius: 4px; min-width: 240px; }
.findings button { font: inherit; padding: 1px 8px; }
.findings table { font-size: 13px; }
.findings th { cursor: pointer; user-select: none; white-space: nowrap; }
.findings th[aria-sort="ascending"]::after { content: " ▲"; }
.findings th[aria-sort="descending"]::after { content: " ▼"; }
.findings td { white-space: nowrap; }
.findings td.msg { white-space: normal; min-width: 280px; }
.findings .capped { color: var(--bar); }
`;

// Sort by a column (numbers as numbers), filter on any cell's text, show one page at a time.
const SCRIPT = `
(function () {
  var SIZE = ${FINDINGS_PAGE_SIZE};
  document.querySelectorAll('.findings details').forEach(function (box) {
    var table = box.querySelector('table');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var input = box.querySelector('input');
    var info = box.querySelector('.page');
    var prev = box.querySelector('.prev');
    var next = box.querySelector('.next');
    var page = 0, shown = rows;
    function draw() {
      var pages = Math.max(1, Math.ceil(shown.length / SIZE));
      if (page >= pages) page = pages - 1;
      rows.forEach(function (r) { r.hidden = true; });
      shown.slice(page * SIZE, (page + 1) * SIZE).forEach(function (r) { r.hidden = false; body.appendChild(r); });
      info.textContent = info.getAttribute('data-text').replace('{page}', page + 1).replace('{pages}', pages).replace('{rows}', shown.length);
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    function filter() {
      var q = input.value.trim().toLowerCase();
      shown = q === '' ? rows.slice() : rows.filter(function (r) { return r.textContent.toLowerCase().indexOf(q) >= 0; });
      page = 0;
      draw();
    }
    input.addEventListener('input', filter);
    prev.addEventListener('click', function () { page -= 1; draw(); });
    next.addEventListener('click', function () { page += 1; draw(); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var numeric = th.classList.contains('num');
        function key(r) { var t = r.cells[col].textContent; return numeric ? Number(t) : t; }
        rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * dir; });
        filter();
      });
    });
    filter();
  });
})();
`;

/** The findings section, or '' when the sample holds no finding. */
export function findingsSection(sample: FindingsSample, t: Labels, zhFirst: boolean): string {
  if (sample.rules.length === 0) return '';
  const headers: [string, boolean][] = [
    [t.line, true], [t.recordId, false], [t.localAt, false], [t.debtor, false], [t.organization, false],
    [t.collector, false], [t.channel, false], [t.targetRole, false], [t.code, false], [t.message, false],
  ];
  const head = headers.map(([h, num]) => `<th${num ? ' class="num"' : ''} scope="col">${escape(h)}</th>`).join('');
  // Most findings first, as the rules table above lists them.
  const ordered = [...sample.rules].sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
  const boxes = ordered.map((r) => {
    const title = zhFirst ? `${r.topic} · ${r.clause} · ${r.rule}` : `${r.rule} · ${r.clause} · ${r.topic}`;
    const capped = r.total > r.rows.length
      ? `<p class="capped">${escape(t.findingsCapped.replace('{shown}', String(r.rows.length)).replace('{total}', String(r.total)))}</p>`
      : '';
    const body = r.rows.map((f) => `<tr>${[
      `<td class="num">${f.line}</td>`,
      `<td>${escape(f.recordId)}</td>`,
      `<td>${escape(f.localAt.replace('T', ' '))}</td>`,
      `<td>${escape(f.debtorId)}</td>`,
      `<td>${escape(f.organizationId)}</td>`,
      `<td>${escape(f.collectorId)}</td>`,
      `<td>${escape(f.channel)}</td>`,
      `<td>${escape(f.targetRole)}</td>`,
      `<td>${escape(f.code)}</td>`,
      `<td class="msg">${escape(f.message)}</td>`,
    ].join('')}</tr>`).join('\n');
    return `<details data-rule="${escape(r.rule)}"><summary>${escape(title)} <span class="count">(${r.total})</span></summary>
${capped}<div class="tools"><input type="search" placeholder="${escape(t.filter)}" aria-label="${escape(t.filter)}"><button type="button" class="prev">‹</button><span class="page" data-text="${escape(t.pageOf)}"></span><button type="button" class="next">›</button></div>
<table class="findings-table"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></details>`;
  });
  return `<section class="findings" id="findings"><h2>${escape(t.findings)}</h2>
<p class="sub">${escape(t.findingsHelp)}</p>
${boxes.join('\n')}
<script>${SCRIPT}</script>
</section>`;
}
