// How much of a list a table or picture draws while a file is read and graded: a step more each
// animation frame, so that a slice's arrival never draws hundreds of rows in one task (measured:
// 150 result rows and the heat table's cells at once froze the page for 170–270 ms).
// - 'grow' (tables people read as the rows come): what it has drawn stays; rows that arrive are
//   added a step a frame. A new file (a fresh table) starts from one step.
// - 'after' (pictures of the whole file): nothing while the file is read, then a step a frame.
// Once the file is read and the list as it then is has been drawn, there is no limit any more: a
// page turned or a mission chosen later is drawn at once, as before. `busy` is true until then,
// for the section's aria-busy (and for what waits for the complete table).
import { untrack } from 'svelte';

/** The number of items to draw now (Infinity: all of them), and whether more are still to be drawn. */
export function drawnWhileReading(length: () => number, reading: () => boolean, step: number, mode: 'grow' | 'after' = 'grow'): { readonly count: number; readonly busy: boolean } {
  let count = $state(mode === 'grow' ? step : 0);
  let finished = $state(true);
  let wasReading = false;
  /** Items on the screen before this run of the effect: none the first time. */
  let shown = () => 0;
  // Reading starts: a fresh table from one step; one already drawn (a file graded again with
  // another id column or sheet) keeps the rows it shows.
  $effect.pre(() => {
    const now = reading();
    if (now && !wasReading) {
      untrack(() => {
        count = mode === 'grow' ? Math.max(step, shown()) : 0;
        finished = false;
      });
    }
    wasReading = now;
    shown = () => (finished ? length() : count);
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
