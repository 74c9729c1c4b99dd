// SvelteKit configuration for the rubric editor, whose sources live in editor/ rather than src/.
import adapter from '@sveltejs/adapter-node';

/** The SvelteKit config: Node adapter writing to build/, sources under editor/, runes mode. */
const config = {
  compilerOptions: {
    runes: true,
  },
  kit: {
    adapter: adapter({ out: 'build' }),
    files: {
      // `src` also places the default hooks, params, service worker and error.html under editor/.
      src: 'editor',
      routes: 'editor/routes',
      lib: 'editor/lib',
      appTemplate: 'editor/app.html',
      assets: 'editor/static',
    },
    // csrf.checkOrigin stays at its default (on): form posts must come from ORIGIN.
  },
};

export default config;
