// The commands that work on the department's own database (accounts, province tokens, the published
// store): they load the store, and with it the native better-sqlite3, so the provinces' one-file
// build (dist/rubric.mjs, engine/cli/build-file.ts) puts department-absent.ts in this module's place.
import { exportStore } from './commands/export.js';
import { token } from './commands/token.js';
import { user } from './commands/user.js';
import type { Command } from './options.js';

/** The department's commands, by the name typed after `rubric`. */
export const DEPARTMENT_COMMANDS: Record<string, Command> = {
  user,
  token,
  export: exportStore,
};
