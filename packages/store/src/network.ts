/**
 * The counter-network record as stored (issue 7; docs/network.md, "In the
 * platform"): entities, link **assertions** between them (each with its
 * source report, interval and Admiralty grading), merges of duplicate
 * entities, saved chart layouts, spreadsheet imports and analysis runs.
 * The analysis graph itself is never stored: @nariz/network builds it from
 * the assertions by the analyst's choices, on each run.
 *
 * Access is decided in the query, as for leads (access-clause.ts): every
 * read takes the acting user's AccessPredicate. An entity is visible by its
 * own marking; an assertion by its own marking *and* both of its entities'
 * (a link to an entity one may not see would reveal it); a merge when its
 * survivor and every merged entity are visible. Writes take no predicate:
 * the server reads through the predicate before it writes.
 *
 * Merges hide, they never delete or rewrite. A merge records its survivor
 * and members; while it is active each member reads with `mergedInto` (the
 * survivor) and assertions are re-pointed to the survivor *at read time*
 * (network-resolve.ts), so undoing a merge restores exactly the graph from
 * before it. A merge takes effect for a reader who may see its survivor
 * (for anyone else the member stays itself); an entity belongs to at most
 * one active merge, and merges never form a cycle.
 */
import type { AccessPredicate, Marking } from '@nariz/security';
import type { LeadId } from './leads.js';

export const ENTITY_TYPES = ['person', 'organisation', 'phone', 'vehicle', 'place', 'lab', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Admiralty source reliability (STANAG 2511): A completely reliable … E unreliable, F cannot be judged. */
export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliabilityCode = (typeof SOURCE_RELIABILITIES)[number];
/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const INFORMATION_CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibilityCode = (typeof INFORMATION_CREDIBILITIES)[number];

/** Free-form attributes of an entity: flat, JSON scalars only. */
export type EntityAttributes = Readonly<Record<string, string | number | boolean | null>>;

export interface NewNetworkEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly attributes: EntityAttributes;
  /** WGS84 degrees; both or neither. */
  readonly lat: number | undefined;
  readonly lon: number | undefined;
  /** The lead this entity is linked to (a lab it runs, a place it was seen at). */
  readonly leadId: LeadId | undefined;
  readonly marking: Marking;
  readonly createdBy: string;
  /** ISO 8601 UTC. */
  readonly at: string;
}

export interface NetworkEntityRecord {
  readonly id: string;
  readonly type: EntityType;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly attributes: EntityAttributes;
  readonly lat: number | undefined;
  readonly lon: number | undefined;
  /** The linked lead, only when the reader may see it (undefined otherwise, like no link). */
  readonly leadId: LeadId | undefined;
  readonly marking: Marking;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** For this reader: the survivor of the active merge this entity belongs to, if they may see it; else undefined. */
  readonly mergedInto: string | undefined;
}

/** Fields to change; an absent field is kept, `null` clears. */
export interface NetworkEntityPatch {
  readonly type?: EntityType;
  readonly label?: string;
  readonly aliases?: readonly string[];
  readonly attributes?: EntityAttributes;
  readonly location?: { readonly lat: number; readonly lon: number } | null;
  readonly leadId?: LeadId | null;
  readonly marking?: Marking;
}

export interface NewNetworkAssertion {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The kind of link: calls, meets, owns, lives-at, works-at, seen-at … (free text, filterable). */
  readonly type: string;
  readonly directed: boolean;
  /** The source report: its reference and title. */
  readonly sourceRef: string;
  readonly sourceTitle: string;
  /** ISO 8601 UTC, inclusive; both or neither (an undated assertion). An instant when equal. */
  readonly validFrom: string | undefined;
  readonly validTo: string | undefined;
  readonly reliability: SourceReliabilityCode;
  readonly credibility: InformationCredibilityCode;
  /** Contacts this one report stands for (e.g. 5 calls in a billing record); > 0. */
  readonly count: number;
  readonly note: string;
  readonly marking: Marking;
  readonly createdBy: string;
  readonly at: string;
}

export interface NetworkAssertionRecord extends Omit<NewNetworkAssertion, 'at'> {
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NetworkAssertionPatch = Partial<Pick<NewNetworkAssertion,
  'type' | 'directed' | 'sourceRef' | 'sourceTitle' | 'reliability' | 'credibility' | 'count' | 'note' | 'marking'>> & {
  /** Both ends of the interval, or null for undated. */
  readonly interval?: { readonly validFrom: string; readonly validTo: string } | null;
};

/** An assertion with its ends as the reader's merges resolve them (network-resolve.ts). */
export interface ResolvedAssertion extends NetworkAssertionRecord {
  readonly resolvedFrom: string;
  readonly resolvedTo: string;
}

/** Everything a reader may see, consistent as of one moment, with merges applied for them. */
export interface NetworkSnapshot {
  /** Visible entities not merged away (for this reader), by label then id. */
  readonly entities: readonly NetworkEntityRecord[];
  /** Visible entities merged into another (with `mergedInto`). */
  readonly merged: readonly NetworkEntityRecord[];
  /** Visible assertions (own marking and both entities'), in id order, their ends resolved. */
  readonly assertions: readonly ResolvedAssertion[];
}

export interface NetworkEntityQuery {
  readonly types?: readonly EntityType[];
  /** Case-insensitive substring of the label or an alias. */
  readonly text?: string;
  readonly leadId?: LeadId;
  /** Default false: entities merged away (for this reader) are left out. */
  readonly includeMerged?: boolean;
  /** Only entities with a position. */
  readonly located?: boolean;
  /** By label then id, at most this many (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface NetworkAssertionQuery {
  /** Assertions with this entity (as stored, not resolved) at either end. */
  readonly entityId?: string;
  /** In id order, at most this many (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface NewNetworkMerge {
  readonly id: string;
  readonly survivor: string;
  readonly merged: readonly string[];
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface NetworkMergeRecord {
  readonly id: string;
  readonly survivor: string;
  /** In the order given. */
  readonly merged: readonly string[];
  readonly reason: string;
  readonly mergedBy: string;
  readonly mergedAt: string;
  readonly undoneBy: string | undefined;
  readonly undoneAt: string | undefined;
}

/** A chart's saved node positions: entity id → position (pinned: the analyst placed it). */
export type LayoutPositions = Readonly<Record<string, { readonly x: number; readonly y: number; readonly pinned: boolean }>>;

export interface NetworkLayoutRecord {
  readonly username: string;
  readonly name: string;
  readonly positions: LayoutPositions;
  readonly updatedAt: string;
}

export const IMPORT_KINDS = ['entities', 'assertions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv', 'graphml', 'gexf', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface NewNetworkImport {
  readonly id: string;
  readonly kind: ImportKind;
  readonly format: ImportFormat;
  readonly fileName: string;
  /** How the file is read (delimiter, header …), JSON chosen by the server. */
  readonly options: unknown;
  /** The columns detected. */
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** The file as uploaded (kept until it is committed). */
  readonly content: Uint8Array;
  readonly createdBy: string;
  readonly at: string;
}

export interface NetworkImportRecord {
  readonly id: string;
  readonly kind: ImportKind;
  readonly format: ImportFormat;
  readonly fileName: string;
  readonly options: unknown;
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** Empty once committed. */
  readonly content: Uint8Array;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly committedAt: string | undefined;
  /** What identifies the commit (the mapping and defaults, canonical), and what it answered. */
  readonly commitKey: string | undefined;
  readonly result: unknown;
}

export interface NetworkImportCommit {
  readonly key: string;
  readonly entities: readonly NewNetworkEntity[];
  readonly assertions: readonly NewNetworkAssertion[];
  readonly result: unknown;
  readonly at: string;
}

export const ANALYSIS_KINDS = ['analysis', 'windows'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];
export const ANALYSIS_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

export interface NewNetworkAnalysis {
  readonly id: string;
  readonly kind: AnalysisKind;
  /** The request as the server parsed it (JSON). */
  readonly request: unknown;
  readonly createdBy: string;
  readonly at: string;
}

export interface NetworkAnalysisRecord {
  readonly id: string;
  readonly kind: AnalysisKind;
  readonly request: unknown;
  readonly state: AnalysisState;
  /** 0..1. */
  readonly progress: number;
  readonly message: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | undefined;
  readonly finishedAt: string | undefined;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** The banner of everything the run read (set when it is done). */
  readonly marking: Marking | undefined;
}

export interface NetworkAnalysisPatch {
  readonly state?: AnalysisState;
  readonly progress?: number;
  readonly message?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: { readonly code: string; readonly message: string };
  readonly result?: unknown;
  readonly marking?: Marking;
}

export interface NetworkStore {
  /** NARIZ_CONFLICT when the id exists; NARIZ_NOT_FOUND for an unknown lead. */
  createEntity(e: NewNetworkEntity): Promise<NetworkEntityRecord>;
  /** The entity (merged or not), or undefined when there is none or `who` may not see it. */
  getEntity(id: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined>;
  listEntities(who: AccessPredicate, q?: NetworkEntityQuery): Promise<NetworkEntityRecord[]>;
  /** Ignores limit and offset. */
  countEntities(who: AccessPredicate, q?: NetworkEntityQuery): Promise<number>;
  /** The entity afterwards as `who` reads it, or undefined when there is none. */
  updateEntity(id: string, patch: NetworkEntityPatch, at: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined>;
  /** False when there is none; NARIZ_CONFLICT while assertions or merges refer to it. */
  deleteEntity(id: string): Promise<boolean>;

  /** NARIZ_CONFLICT when the id exists; NARIZ_NOT_FOUND when an end is not an entity. */
  createAssertion(a: NewNetworkAssertion): Promise<NetworkAssertionRecord>;
  getAssertion(id: string, who: AccessPredicate): Promise<NetworkAssertionRecord | undefined>;
  listAssertions(who: AccessPredicate, q?: NetworkAssertionQuery): Promise<NetworkAssertionRecord[]>;
  countAssertions(who: AccessPredicate, q?: NetworkAssertionQuery): Promise<number>;
  updateAssertion(id: string, patch: NetworkAssertionPatch, at: string): Promise<NetworkAssertionRecord | undefined>;
  deleteAssertion(id: string): Promise<boolean>;

  /** Every entity and assertion `who` may see, read in one transaction, merges applied for them. */
  snapshot(who: AccessPredicate): Promise<NetworkSnapshot>;

  /**
   * Records a merge atomically: NARIZ_NOT_FOUND for an unknown entity;
   * NARIZ_CONFLICT when the id exists, a member is in another active merge,
   * the survivor is among the members, or the merge would close a cycle.
   */
  createMerge(m: NewNetworkMerge): Promise<NetworkMergeRecord>;
  /** Undoes an active merge atomically; NARIZ_NOT_FOUND, or NARIZ_CONFLICT when it was undone already. */
  undoMerge(id: string, by: string, at: string): Promise<NetworkMergeRecord>;
  getMerge(id: string, who: AccessPredicate): Promise<NetworkMergeRecord | undefined>;
  /** Visible merges, newest first; `entityId`: those it is the survivor or a member of. */
  listMerges(who: AccessPredicate, q?: { readonly entityId?: string; readonly activeOnly?: boolean; readonly limit?: number }): Promise<NetworkMergeRecord[]>;

  /** Creates or replaces the user's layout of that name. */
  saveLayout(username: string, name: string, positions: LayoutPositions, at: string): Promise<NetworkLayoutRecord>;
  getLayout(username: string, name: string): Promise<NetworkLayoutRecord | undefined>;
  /** The user's layouts (positions included), by name. */
  listLayouts(username: string): Promise<NetworkLayoutRecord[]>;
  deleteLayout(username: string, name: string): Promise<boolean>;

  /** NARIZ_CONFLICT when the id exists. */
  createImport(i: NewNetworkImport): Promise<NetworkImportRecord>;
  /** Only the uploader's own imports. */
  getImport(id: string, username: string): Promise<NetworkImportRecord | undefined>;
  /**
   * Stores every entity and assertion of the commit and marks the import
   * committed, in one transaction. Committing again with the same key stores
   * nothing and returns the first result with `duplicate: true`; with another
   * key it is NARIZ_CONFLICT; NARIZ_NOT_FOUND when there is no such import.
   */
  commitImport(id: string, username: string, c: NetworkImportCommit): Promise<{ readonly result: unknown; readonly duplicate: boolean }>;

  createAnalysis(a: NewNetworkAnalysis): Promise<NetworkAnalysisRecord>;
  /** The run, for its creator only, and (once done) only while they may see its banner. */
  getAnalysis(id: string, username: string, who: AccessPredicate): Promise<NetworkAnalysisRecord | undefined>;
  /** The stored result, under the same conditions as getAnalysis. */
  analysisResult(id: string, username: string, who: AccessPredicate): Promise<unknown>;
  /** The user's runs, newest first. */
  listAnalyses(username: string, who: AccessPredicate, limit?: number): Promise<NetworkAnalysisRecord[]>;
  /** Runs queued or running (oldest first), for resuming after a restart. */
  openAnalyses(): Promise<NetworkAnalysisRecord[]>;
  /** Applies the patch unless the run is done or failed; the run afterwards (unfiltered), or undefined. */
  updateAnalysis(id: string, patch: NetworkAnalysisPatch): Promise<NetworkAnalysisRecord | undefined>;
}
