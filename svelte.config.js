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
    // The editor imports the engine as $engine/… (never the other way round).
    alias: { $engine: 'engine' },
    // Pages load /_app/… from the site's root, not ../../_app/…: in the static copy of the public
    // site (`rubric export`) a page is a folder's index.html, which a web server serves at the
    // folder's address with a slash added, one level deeper than the server's own answer.
    paths: { relative: false },
    // csrf.checkOrigin stays at its default (on): form posts must come from ORIGIN.
    // The Content-Security-Policy of every page. 'auto' gives SvelteKit's inline start-up script a
    // nonce (a hash on prerendered pages), so script-src needs neither 'unsafe-inline' nor
    // 'unsafe-eval'. The sources beyond 'self', each for something the editor does:
    // - style-src 'unsafe-inline': Monaco and Svelte set style attributes and add <style> elements;
    // - img-src data: Monaco's stylesheet draws squiggles and other marks as data: images.
    // Monaco's two workers are files under /_app/ (Vite's `?worker`), so worker-src is 'self'.
    // The rubric and data-row validators are compiled ahead of time (engine/schema-validators.compiled.ts),
    // because Ajv's run-time compilation would need 'unsafe-eval'.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
