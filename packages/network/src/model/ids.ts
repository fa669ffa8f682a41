/** Branded identifiers of the network model (core/src/ids.ts for the pattern). */
import type { Brand } from '@nariz/core';

/** A person, organisation, place, phone, vehicle … anything a link can join. */
export type EntityId = Brand<string, 'EntityId'>;
/** One reported link, with its own provenance and grading. */
export type AssertionId = Brand<string, 'AssertionId'>;

export const entityId = (s: string): EntityId => s as EntityId;
export const assertionId = (s: string): AssertionId => s as AssertionId;
