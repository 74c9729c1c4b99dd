// The commands that work on the department's own database (accounts, province tokens, the published
// store): they load the store, and with it the native better-sqlite3, so the provinces' one-file
// build (dist/rubric.mjs, engine/cli/build-file.ts) puts department-absent.ts in this module's place.
import type { CommandLoader } from './options.js';

/** The department's commands, by the name typed after `rubric`, each loaded when typed (main.ts). */
export const DEPARTMENT_COMMANDS: Record<string, CommandLoader> = {
  user: async () => (await import('./commands/user.js')).user,
  token: async () => (await import('./commands/token.js')).token,
  export: async () => (await import('./commands/export.js')).exportStore,
};
