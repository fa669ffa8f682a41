/**
 * What the signed-in user may label with, for the marking pickers: their
 * clearance (no classification above it), the access controls they are
 * read into (PROPIN, LES), their organisation (the default originator) and
 * the deployment's own country (which the server adds to every REL TO
 * list, so it is never offered). The server checks every marking anyway
 * (400 NARIZ_MARKING naming the field); the pickers only stop offering what
 * would be refused.
 */
import { createContext, useContext } from 'react';
import type { LabelScope } from '../leads/marking-draft.js';

/** Before the session is known: nothing above U, no accesses (the server is the judge either way). */
export const NARROWEST_SCOPE: LabelScope = { clearance: 'U', accesses: [], organisation: 'task force', ownCountry: 'USA' };

export const LabelScopeContext = createContext<LabelScope>(NARROWEST_SCOPE);

export function useLabelScope(): LabelScope {
  return useContext(LabelScopeContext);
}
