/**
 * The STIX 2.1 objects Nariz emits, as plain JSON shapes (OASIS STIX 2.1,
 * CS02 plus errata). Optional properties are omitted, never `undefined`.
 */
export type StixId<T extends string = string> = `${T}--${string}`;

export interface GranularMarking {
  readonly selectors: readonly string[];
  readonly marking_ref: StixId<'marking-definition'>;
}

/** Properties every SDO, SRO and the language-content / extension-definition SMOs carry. */
export interface StixCommon<T extends string> {
  readonly type: T;
  readonly spec_version: '2.1';
  readonly id: StixId<T>;
  readonly created: string;
  readonly modified: string;
  readonly created_by_ref?: StixId<'identity'>;
  readonly labels?: readonly string[];
  readonly lang?: string;
  readonly confidence?: number;
  readonly object_marking_refs?: readonly StixId<'marking-definition'>[];
  readonly granular_markings?: readonly GranularMarking[];
  readonly extensions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface StixIdentity extends StixCommon<'identity'> {
  readonly name: string;
  readonly description?: string;
  readonly identity_class: 'organization' | 'system' | 'individual';
  readonly contact_information?: string;
}

export interface StixLocation extends StixCommon<'location'> {
  readonly name?: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Metres: the place is within `precision` of (latitude, longitude). */
  readonly precision: number;
}

export interface StixInfrastructure extends StixCommon<'infrastructure'> {
  readonly name: string;
  readonly infrastructure_types: readonly string[];
  readonly first_seen?: string;
}

export interface StixRelationship extends StixCommon<'relationship'> {
  readonly relationship_type: string;
  readonly source_ref: StixId;
  readonly target_ref: StixId;
}

export interface StixSighting extends StixCommon<'sighting'> {
  readonly sighting_of_ref: StixId;
  readonly where_sighted_refs: readonly StixId<'identity' | 'location'>[];
  readonly first_seen: string;
  readonly last_seen: string;
  readonly count: number;
}

export interface StixNote extends StixCommon<'note'> {
  readonly content: string;
  readonly object_refs: readonly StixId[];
}

export interface StixReport extends StixCommon<'report'> {
  readonly name: string;
  readonly description: string;
  readonly report_types: readonly string[];
  readonly published: string;
  readonly object_refs: readonly StixId[];
}

export interface StixLanguageContent extends StixCommon<'language-content'> {
  readonly object_ref: StixId;
  readonly object_modified: string;
  readonly contents: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface StixExtensionDefinition extends StixCommon<'extension-definition'> {
  readonly name: string;
  readonly description: string;
  readonly schema: string;
  readonly version: string;
  readonly extension_types: readonly ('property-extension' | 'toplevel-property-extension' | 'new-sdo' | 'new-sro' | 'new-sco')[];
}

/** Marking definitions have no `modified` and are never versioned (STIX 2.1 §7.2.1). */
export interface StixMarkingDefinition {
  readonly type: 'marking-definition';
  readonly spec_version: '2.1';
  readonly id: StixId<'marking-definition'>;
  readonly created: string;
  readonly name: string;
  readonly created_by_ref?: StixId<'identity'>;
  readonly extensions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export type StixObject =
  | StixIdentity
  | StixLocation
  | StixInfrastructure
  | StixRelationship
  | StixSighting
  | StixNote
  | StixReport
  | StixLanguageContent
  | StixExtensionDefinition
  | StixMarkingDefinition;

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: StixId<'bundle'>;
  readonly objects: readonly StixObject[];
}
