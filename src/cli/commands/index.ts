import type { Command } from '../command.js';
import { assessCommand } from './assess.js';
import { auditCommand } from './audit.js';
import { check } from './check.js';
import { schemaCommand } from './schema.js';
import { serveCommand } from './serve.js';

/** Every subcommand, in the order `cuishou-guard --help` lists them. A new command is one module and one line here. */
export const commands: readonly Command[] = [check, auditCommand, assessCommand, schemaCommand, serveCommand];
