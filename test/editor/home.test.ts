import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's main command ends in `node editor/serve.js`: start the built server for real and
// read its home page over HTTP. (`npm test` builds the editor before this suite runs.)
const root = join(import.meta.dirname, '../..');
let server: ChildProcess;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(root, 'editor/serve.js')], { cwd: '/', env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  server.stdout?.resume();
  server.stderr?.resume();
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the editor did not start');
}, 30_000);

afterAll(() => {
  server?.kill();
});

describe('the editor home page', () => {
  it('lists every 2567-Q3 mission, Thai first with English beside', async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="th">');
    for (const mission of ['khok-nong-na', 'food-security', 'thai-textile', 'poverty-center', 'otop', 'women-fund', 'click-chumchon', 'bmn', 'community-fund', 'pracharat', 'moral-organization']) {
      expect(html).toContain(mission);
    }
    expect(html).toContain('กองทุนชุมชน');
    expect(html).toContain('Community funds');
  });

  it('shows reporting dates in the Buddhist era', async () => {
    const html = await (await fetch(base)).text();
    // What a person reads: the page's text, without its hydration data and tag attributes.
    const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, '');
    expect(visible).toContain('30 มิ.ย. 2567');
    expect(visible).not.toContain('2024-06-30');
  });
});
