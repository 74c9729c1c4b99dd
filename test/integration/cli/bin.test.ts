import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';

// The built bin itself, in a child process: that main()'s exit code becomes the process's, and that
// standard input reaches the command. Everything else about the CLI is tested through main().
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'dist/engine/cli/bin.js');

function rubric(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the rubric bin', () => {
  it('exits 0 for help, 1 for a bad rubric file and 2 for a usage error', () => {
    expect(rubric(['--help']).code).toBe(0);
    const bad = rubric(['validate', 'test/fixtures/bad-rubrics/undeclared-fact.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^test\/fixtures\/bad-rubrics\/undeclared-fact\.yaml:29:12 error UNDECLARED_FACT /m);
    const usage = rubric(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
  });
  it('reads a password from standard input', () => {
    const db = join(tempDir('rubric-bin-'), 'editor.db');
    const added = rubric(['user', 'add', 'somchai', '--role', 'editor', '--password-stdin', '--db', db], 'correct horse battery\n');
    expect([added.code, added.stdout]).toEqual([0, 'สร้างผู้ใช้ / created user somchai (editor)\n']);
    const weak = rubric(['user', 'passwd', 'somchai', '--password-stdin', '--db', db], 'password\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 12 characters/);
  });
});
