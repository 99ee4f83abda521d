import { INVALID_INPUT } from '../../core/decision.js';
import { assessProgram } from '../../program/assess.js';
import { ASSESSMENT_FORMATS, renderAssessment, type AssessmentFormat } from '../../program/report.js';
import type { Command } from '../command.js';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE, UsageError } from '../io.js';
import { helpFlag, localeOf, parse, readJsonFile, writeOutput } from '../options.js';

export const assessCommand: Command = {
  name: 'assess',
  summary: 'assess an institution against 5.1, 5.2, 5.4–5.7 (exit 1 on violations)',
  usage: [
    'cuishou-guard assess <institution.json> --at INSTANT [--time-zone ZONE] [--json | --format table|json|html] [--out FILE] [--locale zh-CN|en]',
    '',
    '  --at INSTANT       the assessment date, ISO 8601 with an offset (e.g. 2026-11-30T18:00:00+08:00)',
    '  --time-zone ZONE   the zone of calendar months and days (default Asia/Shanghai)',
    '  --json             the same as --format json',
    '  --format FORMAT    table (default), json, or html (one self-contained page, no network)',
    '  --out FILE         write the report to FILE instead of standard output',
    '  --locale LOCALE    language of the table and the page: en (default) or zh-CN',
    '',
    'Exit code: 0 no violation (warnings allowed), 1 violations found, 2 invalid input or usage error.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...helpFlag, at: { type: 'string' }, 'time-zone': { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout.write(`${assessCommand.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one institution file; got ${positionals.length}`);
    if (values.at === undefined) throw new UsageError('--at INSTANT is required: the assessment is as of a date');
    const format = (values.json === true ? 'json' : (values.format ?? 'table')) as AssessmentFormat;
    if (!ASSESSMENT_FORMATS.includes(format)) throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${ASSESSMENT_FORMATS.join(', ')}`);
    const locale = localeOf(values.locale);
    const institution = await readJsonFile(io, positionals[0] as string, 'institution');
    const assessment = assessProgram(institution, { at: values.at, ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }) });
    await writeOutput(io, values.out, renderAssessment(assessment, { format, locale }));
    if (assessment.findings.some((f) => f.code === INVALID_INPUT)) return EXIT_USAGE;
    return assessment.summary.violations > 0 ? EXIT_FOUND : EXIT_OK;
  },
};
