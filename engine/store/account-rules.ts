// What an account request must satisfy: the username, display name and role rules, the password
// policy, and the refusal (a problem of the service catalogue, with its status) that names the rule broken.
import type { ParamsOf } from '../problems/catalogue.js';
import type { ServiceCode } from '../problems/service-codes.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { refusal, type Refused, type RefusalStatus } from './refusal.js';
import { ROLES, type Role } from './roles.js';

const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;
/** The least length of a password, in code points (a Thai vowel mark counts as one). */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_NAME_LENGTH = 100;


/** Which rule an account request broke. */
export type AccountRule =
  | 'username'
  | 'name'
  | 'control'
  | 'role'
  | 'exists'
  | 'unknown'
  | 'last-publisher'
  | 'password-whitespace'
  | 'password-length'
  | 'password-username'
  | 'password-common';

/** The rule each account code names. */
const RULE_OF = {
  CONTROL_CHARACTERS: 'control',
  BAD_USERNAME: 'username',
  NAME_TOO_LONG: 'name',
  BAD_ROLE: 'role',
  USER_EXISTS: 'exists',
  NO_SUCH_USER: 'unknown',
  LAST_PUBLISHER: 'last-publisher',
  PASSWORD_WHITESPACE: 'password-whitespace',
  PASSWORD_LENGTH: 'password-length',
  PASSWORD_HAS_USERNAME: 'password-username',
  PASSWORD_COMMON: 'password-common',
} as const satisfies Partial<Record<ServiceCode, AccountRule>>;

/** A code of a refused account request. */
export type AccountCode = keyof typeof RULE_OF;

/** The HTTP status of each account code: a name that exists or the last publisher conflict, an unknown name is not found, the rest are bad requests. */
const STATUS_OF: Record<AccountCode, RefusalStatus> = {
  CONTROL_CHARACTERS: 400,
  BAD_USERNAME: 400,
  NAME_TOO_LONG: 400,
  BAD_ROLE: 400,
  USER_EXISTS: 409,
  NO_SUCH_USER: 404,
  LAST_PUBLISHER: 409,
  PASSWORD_WHITESPACE: 400,
  PASSWORD_LENGTH: 400,
  PASSWORD_HAS_USERNAME: 400,
  PASSWORD_COMMON: 400,
};

/** A refused account request: its problem (a code with Thai and English words), its status, and the rule it broke (detail.rule). */
export type AccountRefused = Refused<AccountCode> & { detail: { rule: AccountRule } };

/** The refusal of an account request, its words filled in from the catalogue. */
export function accountRefusal<C extends AccountCode>(code: C, params: ParamsOf<'service', C>): AccountRefused {
  const rule: AccountRule = RULE_OF[code];
  return { ...refusal(STATUS_OF[code], code, params), detail: { rule } };
}

/** Control characters (C0, DEL, C1: ESC among them), line/paragraph separators and bidi overrides. */
const CONTROL = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

/** Text safe to print on a terminal: every control character written as an escape (ESC as `\x1b`). */
export function printable(text: string): string {
  return text.replace(CONTROL_ALL, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Why a username may not be used (control characters, or not the username pattern); undefined when it may. */
export function usernameProblem(username: string): AccountRefused | undefined {
  if (CONTROL.test(username)) {
    return accountRefusal('CONTROL_CHARACTERS', { field: 'username', received: printable(username) });
  }
  if (!USERNAME.test(username)) {
    return accountRefusal('BAD_USERNAME', { received: printable(username) });
  }
  return undefined;
}

/** Why a display name may not be used (control characters, or too long); undefined when it may. */
export function nameProblem(name: string): AccountRefused | undefined {
  if (CONTROL.test(name)) {
    return accountRefusal('CONTROL_CHARACTERS', { field: 'name', received: printable(name) });
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    return accountRefusal('NAME_TOO_LONG', { max: MAX_NAME_LENGTH });
  }
  return undefined;
}

/** Why a role is not one (viewer, editor, publisher); undefined when it is. */
export function roleProblem(role: string): AccountRefused | undefined {
  return ROLES.includes(role as Role) ? undefined : accountRefusal('BAD_ROLE', { received: printable(role) });
}

const THAI_DIGITS = /[๐-๙]/g;
/** The Latin key under each unshifted key of the Thai Kedmanee layout. */
const KEDMANEE: Record<string, string> = Object.fromEntries(
  [...'ๅ/-ภถุึคตจขช'].map((c, i) => [c, '1234567890-='[i]!])
    .concat([...'ๆไำพะัีรนยบลฃ'].map((c, i) => [c, 'qwertyuiop[]\\'[i]!]))
    .concat([...'ฟหกดเ้่าสวง'].map((c, i) => [c, "asdfghjkl;'"[i]!]))
    .concat([...'ผปแอิืทมใฝ'].map((c, i) => [c, 'zxcvbnm,./'[i]!])),
);

/** How the deny-list compares: lower case, Thai digits as 0–9, NFKC. */
function comparable(text: string): string {
  return text
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .normalize('NFKC')
    .toLowerCase();
}

const COMMON = new Set(COMMON_PASSWORDS.map(comparable));
const EDGES = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

function isCommon(password: string): boolean {
  const latin = [...password].map((c) => KEDMANEE[c] ?? c).join('');
  for (const form of new Set([password, latin])) {
    const text = comparable(form);
    const core = text.replace(EDGES, '');
    if (COMMON.has(text) || (core !== '' && COMMON.has(core))) return true;
  }
  // One or two characters over and over (aaaaaaaaaaaa, 121212121212) is as easy to guess.
  return new Set(comparable(password)).size <= 2;
}

/**
 * Why a password may not be used, or undefined when it may: not only whitespace, at least
 * MIN_PASSWORD_LENGTH code points, not containing the username, not a common password.
 */
export function passwordProblem(password: string, username: string): AccountRefused | undefined {
  const length = [...password].length;
  if (password.trim() === '') {
    return accountRefusal('PASSWORD_WHITESPACE', {});
  }
  if (length < MIN_PASSWORD_LENGTH) {
    return accountRefusal('PASSWORD_LENGTH', { kind: 'short', min: MIN_PASSWORD_LENGTH, length });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return accountRefusal('PASSWORD_LENGTH', { kind: 'long', max: MAX_PASSWORD_LENGTH });
  }
  if (username && comparable(password).includes(comparable(username))) {
    return accountRefusal('PASSWORD_HAS_USERNAME', {});
  }
  if (isCommon(password)) {
    return accountRefusal('PASSWORD_COMMON', {});
  }
  return undefined;
}
