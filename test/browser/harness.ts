// Real parts for browser tests: the built editor on a free loopback port with its own database,
// accounts made through the CLI, and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../temp.js';

/** The repository, whether this runs from test/ (vitest) or dist/test/ (the benchmark). */
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'editor'))) dir = dirname(dir);
  return dir;
}

const root = repositoryRoot();

/** Where screenshots of the main screens go (kept as CI artifacts). */
export const ARTIFACTS = join(root, 'test-results');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A running editor with a fresh database. */
export interface Editor {
  base: string;
  db: string;
  /** What the server has printed so far (stdout and stderr). */
  output(): string;
  stop(): void;
}

/**
 * Runs the built `rubric` CLI asynchronously, so that servers in the calling process keep
 * answering while it runs.
 */
export function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist/engine/cli/bin.js'), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Creates accounts with the CLI, as an administrator would. */
export function addUser(db: string, username: string, role: string, password: string): void {
  const run = spawnSync(process.execPath, [join(root, 'dist/engine/cli/bin.js'), 'user', 'add', username, '--role', role, '--password-stdin', '--db', db], {
    input: password + '\n',
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`user add failed: ${run.stderr}`);
}

/** Starts the built editor (`npm run build` first) on a free port with a new database. */
export async function startEditor(users: { username: string; role: string; password: string }[]): Promise<Editor> {
  const dir = tempDir('rubric-editor-');
  const db = join(dir, 'editor.db');
  try {
    for (const u of users) addUser(db, u.username, u.role, u.password);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [join(root, 'editor/serve.js')], {
    env: { ...process.env, PORT: String(port), RUBRIC_DB: db },
    stdio: 'pipe',
  });
  let output = '';
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 150; i++) {
    try {
      const response = await fetch(`${base}/login`);
      if (response.ok) {
        return {
          base,
          db,
          output: () => output,
          // The server and its temporary database go together.
          stop: () => {
            server.kill();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`the editor did not start:\n${output}`);
}

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Waits until the preview has drawn the results, the province roll-up and the heat table of the
 * file it read: they draw a few rows a frame (aria-busy meanwhile), so that no slice freezes the page.
 */
export async function previewDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid=results][aria-busy=true], [data-testid=rollup][aria-busy=true], [data-testid=heat][aria-busy=true]'), undefined, { timeout: 30_000 });
}

/**
 * Signs in through the login form with the account's name and password, and waits for the home
 * page (`timeout` in ms, 90 s by default: a fresh server's first home page waits for its analysis
 * workers to start, which took over 30 s in a loaded CI run).
 */
export async function signInPage(page: Page, editor: Pick<Editor, 'base'>, user: { username: string; password: string }, timeout?: number): Promise<void> {
  await page.goto(`${editor.base}/login`);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await Promise.all([page.waitForURL(`${editor.base}/`, { timeout: timeout ?? 90_000 }), page.click('button[type=submit]')]);
}

/**
 * Counts what a person does in the YAML pane from now on (a key, a click, a paste, a drop), across
 * the page's navigations (the count lives in the tab's sessionStorage): a walk that must be done
 * without YAML ends by reading 0. Focus alone is not counted.
 */
export async function watchYamlPane(page: Page): Promise<() => Promise<number>> {
  const install = () => {
    for (const type of ['keydown', 'pointerdown', 'paste', 'drop']) {
      document.addEventListener(
        type,
        (event) => {
          if (!(event.target instanceof Element) || !event.target.closest('[data-testid=yaml-editor]')) return;
          sessionStorage.setItem('yaml-touches', String(Number(sessionStorage.getItem('yaml-touches') ?? 0) + 1));
        },
        true,
      );
    }
  };
  await page.addInitScript(install);
  await page.evaluate(install);
  return () => page.evaluate(() => Number(sessionStorage.getItem('yaml-touches') ?? 0));
}
