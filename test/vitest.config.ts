import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run from the repository root; the suite lives in test/ in three tiers, by folder:
//   unit         test/unit: imports modules directly; no build, no spawn, no server (npm run test:unit)
//   integration  test/integration: the CLI through main(), the built bin and server, spawned processes
//   browser      test/browser: the built editor in Chromium

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // The editor's modules import the engine as $engine/… (svelte.config.js).
  resolve: { alias: { $engine: fileURLToPath(new URL('../engine', import.meta.url)) } },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Every temporary file goes into one folder per run, and the run fails if any is left there.
    globalSetup: ['./test/global-temp.ts'],
    setupFiles: ['./test/temp-cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Transformed modules are kept on disk between runs (node_modules/.experimental-vitest-cache).
    experimental: { fsModuleCache: true },
    projects: [
      // The unit tier shares one module graph per worker and uses both cores; it runs first, on
      // its own, because Vitest runs projects with different worker counts in separate groups.
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false, pool: 'threads', maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], sequence: { groupOrder: 1 } } },
      // A page under a loaded CI machine can take seconds to catch up: expect.poll waits up to 15 s (not 1 s) before failing.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], sequence: { groupOrder: 1 }, expect: { poll: { timeout: 15_000 } } } },
    ],
  },
});
