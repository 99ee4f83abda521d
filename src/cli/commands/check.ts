import type { ActionInput } from '../../schema/action.js';
import type { ContextInput } from '../../schema/context.js';
import { isInvalidInput } from '../../core/decision.js';
import { createGuard } from '../../guard/guard.js';
import type { Command } from '../command.js';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE, UsageError } from '../io.js';
import { configured, guardFlags, guardOptions, helpFlag, parse, readJsonFile } from '../options.js';

export const check: Command = {
  name: 'check',
  summary: 'decide one action on one case (exit 0 allow, 1 deny, 2 invalid input)',
  usage: [
    'cuishou-guard check <context.json> <action.json> [--json] [--profile ID] [--overlay FILE] [--locale zh-CN|en]',
    '',
    '  --json             print the decision as JSON (default: explained as text)',
    '  --profile ID       built-in profile: gb-t-45251-2025 (default) or cba-2026',
    '  --overlay FILE     JSON limits that tighten the profile (e.g. {"voiceDailyCap": 2})',
    '  --locale LOCALE    language of the text and the first message language: en (default) or zh-CN',
    '',
    'Exit code: 0 allowed, 1 denied, 2 invalid input or usage error.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, { ...helpFlag, ...guardFlags, json: { type: 'boolean' } });
    if (values.help === true) {
      io.stdout.write(`${check.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 2) throw new UsageError(`expected two files, <context.json> <action.json>; got ${positionals.length}`);
    const [contextPath, actionPath] = positionals as [string, string];
    const options = await guardOptions(io, values);
    const context = await readJsonFile(io, contextPath, 'context');
    const action = await readJsonFile(io, actionPath, 'action');
    const guard = configured(() => createGuard(options));
    // Files are JSON of any shape: the guard validates them (fail closed), the types only name what is expected.
    const decision = guard.checkSync(context as ContextInput, action as ActionInput);
    io.stdout.write(`${values.json === true ? JSON.stringify(decision, null, 2) : guard.explain(decision)}\n`);
    if (isInvalidInput(decision)) return EXIT_USAGE;
    return decision.outcome === 'allow' ? EXIT_OK : EXIT_FOUND;
  },
};
