import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run from the repository root; the suite lives in test/ and mirrors the code.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // The editor's modules import the engine as $engine/… (svelte.config.js).
  resolve: { alias: { $engine: fileURLToPath(new URL('../engine', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
