// Roles and who holds them: what viewers, editors and publishers may do. Browser-safe.

/** What an account may do: viewers read, editors save drafts, publishers also publish. */
export type Role = 'viewer' | 'editor' | 'publisher';

/** The roles, least to most. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'publisher'];

/** A signed-in person. */
export interface User {
  id: number;
  username: string;
  name: string;
  role: Role;
}

/** True when the role may do what `needed` may. */
export function hasRole(user: Pick<User, 'role'> | null | undefined, needed: Role): boolean {
  return !!user && ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
}
