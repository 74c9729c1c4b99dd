// The digits a criteria page shows. The server writes the page in the digits its ?digits= asks for;
// the static copy of the public site (`rubric export`) has one file a page, written in Thai digits,
// so there the browser reads ?digits= itself once the page has started, and turns the words to
// Arabic digits when asked.
import { onMount } from 'svelte';
import { page } from '$app/state';
import { digitsOf, type Digits } from '$engine/digits.js';

/** The page's digits, from its loaded data (a function, so it follows navigation). Call it while the component starts. */
export function shownDigits(data: () => { digits: Digits; staticSite: boolean }): () => Digits {
  let started = $state(false);
  onMount(() => {
    started = true;
  });
  return () => (started && data().staticSite ? digitsOf(page.url.searchParams.get('digits')) : data().digits);
}
