import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startEditor, type Editor } from '../../browser/harness.js';
import { tempDir } from '../../temp.js';

// GET /p/<period>/<mission>/draft.yaml over real HTTP: the saved draft's exact text for signed-in
// users (a viewer too), YAML with a file name; 404 when there is no draft; the sign-in for others;
// and `rubric lint` reads the downloaded file.

const USERS = [
  { username: 'edna', role: 'editor', password: 'amber-orchard-93' },
  { username: 'vic', role: 'viewer', password: 'violet-harbour-27' },
];
const MISSION = 'food-security'; // a draft in the seeded store
const seed = readFileSync(join(import.meta.dirname, `../../../rubrics/2567-Q3/${MISSION}.yaml`), 'utf8');

let editor: Editor;

async function signIn(username: string): Promise<string> {
  const { password } = USERS.find((u) => u.username === username)!;
  const response = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    headers: { origin: editor.base, accept: 'text/html' },
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const get = (path: string, cookie?: string) => fetch(`${editor.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

describe('the saved draft as a YAML file', () => {
  beforeAll(async () => {
    editor = await startEditor(USERS);
  }, 60_000);
  afterAll(() => editor?.stop());

  it('gives a signed-in viewer the saved text exactly, as YAML named after the mission and period', async () => {
    const response = await get(`/p/2567-Q3/${MISSION}/draft.yaml`, await signIn('vic'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${MISSION}-2567-Q3-draft.yaml"`);
    expect(response.headers.get('x-draft-version')).toBe('1');
    expect(await response.text()).toBe(seed);
  });

  it('gives the text as saved after a save, with its version', async () => {
    const cookie = await signIn('edna');
    const changed = seed.replace(/^(name:\s*\n\s*th:\s*)(.*)$/m, '$1$2 (ปรับปรุง)');
    expect(changed).not.toBe(seed);
    const form = new FormData();
    form.set('yaml', changed);
    form.set('version', '1');
    const saved = await fetch(`${editor.base}/p/2567-Q3/${MISSION}?/save`, {
      method: 'POST',
      body: form,
      headers: { origin: editor.base, cookie, 'x-sveltekit-action': 'true', accept: 'application/json' },
    });
    expect(((await saved.json()) as { type: string }).type).toBe('success');
    const response = await get(`/p/2567-Q3/${MISSION}/draft.yaml`, cookie);
    expect(response.headers.get('x-draft-version')).toBe('2');
    expect(await response.text()).toBe(changed);
  });

  it('answers 404 in Thai and English for a mission with no open draft, and for a name that is no rubric', async () => {
    const cookie = await signIn('vic');
    const published = await get('/p/2567-Q3/otop/draft.yaml', cookie);
    expect(published.status).toBe(404);
    expect(await published.text()).toMatch(/ไม่มีร่าง[\s\S]*no open draft/);
    expect((await get('/p/2567-Q3/Not_A_Mission/draft.yaml', cookie)).status).toBe(404);
    expect((await get('/p/2567-Q9/otop/draft.yaml', cookie)).status).toBe(404);
  });

  it('sends someone not signed in to the sign-in, with no text', async () => {
    const response = await get(`/p/2567-Q3/${MISSION}/draft.yaml`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/p/2567-Q3/${MISSION}/draft.yaml`)}`);
    expect(await response.text()).not.toContain('facts');
  });

  it('is a file `rubric lint` reads', async () => {
    const text = await (await get(`/p/2567-Q3/${MISSION}/draft.yaml`, await signIn('vic'))).text();
    const file = join(tempDir('draft-download-'), `${MISSION}-2567-Q3-draft.yaml`);
    writeFileSync(file, text);
    const run = await runCli('lint', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 rubrics analysed: \d+ errors, \d+ warnings, \d+ notes$/m);
  });
});
