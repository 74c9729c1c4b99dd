// The chosen language of the page, for text that cannot be a <T> (attributes, option labels,
// strings built in a script): Thai in Thai mode, English in English mode, never both.
import { getContext } from 'svelte';
import type { Text } from '$engine/types.js';

/** The page's language. */
export type Lang = 'th' | 'en';

/** Picks one language's words: `say({ th, en })` or `say('ไทย', 'English')`. */
export type Say = (th: Text | string, en?: string) => string;

/** The page's language, read from the layout's context (Thai when there is none). Call during component setup. */
export function useLang(): () => Lang {
  const lang = getContext<(() => Lang) | undefined>('lang');
  return () => lang?.() ?? 'th';
}

/** The words of one language: English in English mode, else Thai. */
export function pick(lang: Lang, th: Text | string, en?: string): string {
  const text = typeof th === 'string' ? { th, en: en ?? th } : th;
  return lang === 'en' ? text.en : text.th;
}

/** A `say` bound to the page's language. Call during component setup. */
export function useSay(): Say {
  const lang = useLang();
  return (th, en) => pick(lang(), th, en);
}
