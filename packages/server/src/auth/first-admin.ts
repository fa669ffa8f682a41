/**
 * The first admin: on a database without users, the server creates `admin`
 * with a one-time password (random, or the deployment's
 * NARIZ_INITIAL_ADMIN_PASSWORD) that must be changed at first sign-in.
 */
import { NarizError } from '@nariz/core';
import type { Store } from '@nariz/store';
import { hashPassword, passwordProblem, randomPassword } from './passwords.js';

export const FIRST_ADMIN = 'admin';

/** The created account and its password, or undefined when users existed already. */
export async function ensureFirstAdmin(store: Store, given: string | undefined): Promise<{ username: string; password: string } | undefined> {
  if ((await store.accounts.countUsers()) > 0) return undefined;
  if (given !== undefined) {
    const problem = passwordProblem(given);
    if (problem !== undefined) throw new NarizError('NARIZ_USAGE', `NARIZ_INITIAL_ADMIN_PASSWORD: ${problem}`);
  }
  const password = given ?? randomPassword();
  try {
    await store.accounts.createUser({ username: FIRST_ADMIN, role: 'admin', passwordHash: await hashPassword(password), mustChangePassword: true, clearance: 'TS' });
  } catch (err) {
    // Another server process on the same database won the race: its admin stands.
    if (err instanceof NarizError && err.code === 'NARIZ_CONFLICT') return undefined;
    throw err;
  }
  return { username: FIRST_ADMIN, password };
}
