// Types SvelteKit shares across the app: who is signed in, and the page language.
import type { User } from '$engine/store/accounts.js';

declare global {
  namespace App {
    interface Locals {
      user: User | null;
      lang: 'th' | 'en';
      /** Whether the page is rendered for the static copy of the public site (`rubric export`). */
      staticSite: boolean;
    }
    interface Error {
      message: string;
      th?: string;
    }
  }
}

export {};
