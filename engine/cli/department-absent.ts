// The department's commands as the provinces' one-file build (dist/rubric.mjs) has them: each says,
// in Thai and English, that it needs the department's installation, which holds the database and
// the native module it reads it with. engine/cli/build-file.ts puts this module in place of department.ts.
import type { Command, CommandLoader } from './options.js';

/** What a department command answers in the one-file build: the reason, and exit code 2. */
function departmentOnly(name: string): Command {
  return (_args, _options, cli) => {
    cli.err.write(
      `rubric: คำสั่ง "${name}" ใช้ได้เฉพาะในเครื่องของกรมการพัฒนาชุมชน (ที่ติดตั้งพร้อมฐานข้อมูล) ไม่มีในไฟล์ rubric.mjs สำหรับจังหวัด\n` +
        `rubric: the "${name}" command needs the department's installation (with its database); rubric.mjs, the provinces' file, does not have it\n` +
        `ในไฟล์นี้ใช้ได้ / this file has: list, validate, lint, test, cases, grade, pull, diff, impact, template, document, keys\n`,
    );
    return 2;
  };
}

/** The department's commands, by name, each answering that it is not in this build. */
export const DEPARTMENT_COMMANDS: Record<string, CommandLoader> = {
  user: async () => departmentOnly('user'),
  token: async () => departmentOnly('token'),
  export: async () => departmentOnly('export'),
};
