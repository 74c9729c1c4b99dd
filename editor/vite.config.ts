// Vite configuration for the rubric editor; run from the repository root with `--config editor/vite.config.ts`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** The repository root, where svelte.config.js, rubrics/ and engine/ live (no trailing slash). */
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The Vite config: the SvelteKit plugin, rooted at the repository root. */
export default defineConfig({
  root,
  plugins: [sveltekit()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
