// How much of a list a table or picture draws while a file is read and graded: a step a frame, so
// that a slice's arrival never draws hundreds of rows in one task (measured: 150 result rows and
// the heat table's cells at once froze the page for 170–270 ms; a frame should take under 16).
// - 'grow' (tables people read as the rows come): what it had drawn and one step more each frame.
// - 'after' (pictures of the whole file): nothing while the file is read, then a step a frame.
// Once the file is read and the list as it then is has been drawn, there is no limit any more: a
// page turned or a mission chosen later is drawn at once, as before. `busy` is true until then,
// for the page's aria-busy (and for what waits for the complete table).
import { untrack } from 'svelte';

/** The number of items to draw now (Infinity: all of them), and whether more are still to be drawn. */
export function drawnWhileReading(length: () => number, reading: () => boolean, step: number, mode: 'grow' | 'after' = 'grow'): { readonly count: number; readonly busy: boolean } {
  const start = mode === 'grow' ? step : 0;
  let count = $state(start);
  let finished = $state(true);
  let wasReading = false;
  // A new file starts again.
  $effect.pre(() => {
    const now = reading();
    if (now && !wasReading) {
      untrack(() => {
        count = start;
        finished = false;
      });
    }
    wasReading = now;
  });
  $effect(() => {
    if (finished) return;
    const total = length();
    const now = reading();
    if (mode === 'after' && now) return;
    if (count >= total) {
      if (!now) finished = true;
      return;
    }
    const frame = requestAnimationFrame(() => (count = Math.min(total, count + step)));
    return () => cancelAnimationFrame(frame);
  });
  return {
    get count() {
      if (mode === 'after' && reading()) return 0;
      return finished ? Infinity : count;
    },
    get busy() {
      return !finished;
    },
  };
}
