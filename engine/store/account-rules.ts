// What an account request must satisfy: the username, display name and role rules, the password
// policy, and the AccountError (a problem of the service catalogue) that names the rule broken.
import { problem, type ParamsOf } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { ServiceCode } from '../problems/service-codes.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
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

/** A refused account request: its problem (a code with Thai and English words) and the rule it broke. */
export class AccountError extends Error {
  constructor(readonly problem: Problem<AccountCode>) {
    super(problem.message.en);
    this.name = 'AccountError';
  }

  /** The problem's code. */
  get code(): AccountCode {
    return this.problem.code;
  }

  /** The rule broken. */
  get rule(): AccountRule {
    return RULE_OF[this.problem.code];
  }

  /** The Thai words (the English are the message). */
  get th(): string {
    return this.problem.message.th;
  }
}

/** An AccountError of a code, its words filled in from the catalogue. */
export function accountError<C extends AccountCode>(code: C, params: ParamsOf<'service', C>): AccountError {
  return new AccountError(problem('service', code, params));
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

export function checkUsername(username: string): void {
  if (CONTROL.test(username)) {
    throw accountError('CONTROL_CHARACTERS', { field: 'username', received: printable(username) });
  }
  if (!USERNAME.test(username)) {
    throw accountError('BAD_USERNAME', { received: printable(username) });
  }
}

export function checkName(name: string): void {
  if (CONTROL.test(name)) {
    throw accountError('CONTROL_CHARACTERS', { field: 'name', received: printable(name) });
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    throw accountError('NAME_TOO_LONG', { max: MAX_NAME_LENGTH });
  }
}

export function checkRole(role: string): asserts role is Role {
  if (!ROLES.includes(role as Role)) {
    throw accountError('BAD_ROLE', { received: printable(role) });
  }
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
export function passwordProblem(password: string, username: string): AccountError | undefined {
  const length = [...password].length;
  if (password.trim() === '') {
    return accountError('PASSWORD_WHITESPACE', {});
  }
  if (length < MIN_PASSWORD_LENGTH) {
    return accountError('PASSWORD_LENGTH', { kind: 'short', min: MIN_PASSWORD_LENGTH, length });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return accountError('PASSWORD_LENGTH', { kind: 'long', max: MAX_PASSWORD_LENGTH });
  }
  if (username && comparable(password).includes(comparable(username))) {
    return accountError('PASSWORD_HAS_USERNAME', {});
  }
  if (isCommon(password)) {
    return accountError('PASSWORD_COMMON', {});
  }
  return undefined;
}

export function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw problem;
}
