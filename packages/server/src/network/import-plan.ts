/**
 * The column-mapping step of a network import: an import table (CSV,
 * GraphML, GEXF) plus the analyst's mapping {column → field} and defaults
 * become the entities and assertions to store, or the problems of each row
 * by line and column. Pure: the caller reads what it needs first (the
 * entities and leads the user may see) and stores the plan in one
 * transaction (NetworkStore.commitImport).
 *
 * Ends of an assertion (`from`, `to`) name an entity by id, else by exact
 * label, else by alias, among the entities the user may see (merged ones
 * included: a link to a merged entity is resolved to its survivor at read
 * time); else an entity this import made for that name; else, with
 * `create_entities` (default true), a new one of `defaults.entity_type`
 * with `defaults.marking`. A name two entities carry is ambiguous (a
 * problem: use the id). An assertion's source defaults to the file and its
 * line, so every link keeps where it came from.
 *
 * Ids the import makes are derived from the import's id and the row's line
 * (`<import>-<line>`, `<import>-e<k>` for entities made for names), so the
 * same file with the same mapping always plans the same rows.
 */
import { NarizError } from '@nariz/core';
import { parseGrading, type Grading } from '@nariz/network';
import { canAccess, parsePortionMarking, portionMarking, type Marking, type SecurityPolicy, type Subject } from '@nariz/security';
import {
  ENTITY_TYPES, leadId, type EntityAttributes, type EntityType, type ImportKind, type InformationCredibilityCode, type NetworkEntityRecord,
  type NewNetworkAssertion, type NewNetworkEntity, type SourceReliabilityCode,
} from '@nariz/store';
import type { ImportRow, ImportTable } from './csv-table.js';
import { NETWORK_ID } from './network-json.js';

export const ENTITY_FIELDS = ['id', 'label', 'type', 'aliases', 'lat', 'lon', 'lead_id', 'attributes', 'portion', 'originator', 'ignore'] as const;
export const ASSERTION_FIELDS = [
  'id', 'from', 'to', 'type', 'directed', 'source_ref', 'source_title', 'date', 'valid_from', 'valid_to', 'grading', 'reliability', 'credibility', 'count', 'note',
  'portion', 'originator', 'ignore',
] as const;
/** Any column can also become an entity attribute: `attribute:<name>`. */
export const ATTRIBUTE_FIELD = /^attribute:([A-Za-z0-9_. -]{1,64})$/;

export interface ImportDefaults {
  readonly marking: Marking;
  readonly entityType?: EntityType;
  /** The assertion type when no column gives it (default "association"). */
  readonly type?: string;
  readonly grading?: Grading;
  readonly directed?: boolean;
  readonly sourceRef?: string;
  readonly sourceTitle?: string;
}

export interface ImportProblem {
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export interface ImportPlan {
  readonly entities: NewNetworkEntity[];
  readonly assertions: NewNetworkAssertion[];
  readonly problems: ImportProblem[];
  readonly rows: number;
  readonly validRows: number;
}

export interface PlanContext {
  readonly importId: string;
  readonly fileName: string;
  readonly username: string;
  readonly at: string;
  readonly subject: Subject;
  readonly policy: SecurityPolicy;
  /** Every entity the user may see, merged ones included. */
  readonly known: readonly NetworkEntityRecord[];
  /** Ids of assertions the user may see (a mapped id must be new). */
  readonly knownAssertions: ReadonlySet<string>;
  /** Leads the user may see, among those the file names. */
  readonly visibleLeads: ReadonlySet<string>;
  readonly createEntities: boolean;
}

/** Which column maps to each field; refuses unknown columns and fields, a field mapped twice, and a mapping without its required fields. */
export function checkMapping(kind: ImportKind, columns: readonly string[], mapping: Readonly<Record<string, string>>, defaults: ImportDefaults): Map<string, number> {
  const allowed: readonly string[] = kind === 'entities' ? ENTITY_FIELDS : ASSERTION_FIELDS;
  const byField = new Map<string, number>();
  for (const [column, field] of Object.entries(mapping)) {
    const k = columns.indexOf(column);
    if (k < 0) throw new NarizError('NARIZ_BAD_REQUEST', `the file has no column "${column}" (its columns: ${columns.join(', ')})`, { path: `mapping.${column}` });
    if (!allowed.includes(field) && !(kind === 'entities' && ATTRIBUTE_FIELD.test(field))) {
      throw new NarizError('NARIZ_BAD_REQUEST', `"${field}" is not a field of ${kind} (${allowed.join(', ')}${kind === 'entities' ? ', attribute:<name>' : ''})`, { path: `mapping.${column}` });
    }
    if (field === 'ignore') continue;
    if (byField.has(field)) throw new NarizError('NARIZ_BAD_REQUEST', `two columns are mapped to "${field}"`, { path: `mapping.${column}` });
    byField.set(field, k);
  }
  const need = (field: string, why: string): void => {
    if (!byField.has(field)) throw new NarizError('NARIZ_BAD_REQUEST', `map a column to "${field}" (${why})`, { path: 'mapping' });
  };
  if (kind === 'entities') need('label', 'every entity has a label');
  else {
    need('from', 'an assertion links one entity');
    need('to', 'to another');
    if (byField.has('date') && (byField.has('valid_from') || byField.has('valid_to'))) throw new NarizError('NARIZ_BAD_REQUEST', 'map "date", or "valid_from" and "valid_to", not both', { path: 'mapping' });
    if (byField.has('valid_from') !== byField.has('valid_to')) throw new NarizError('NARIZ_BAD_REQUEST', 'map both "valid_from" and "valid_to"', { path: 'mapping' });
    if (byField.has('grading') && (byField.has('reliability') || byField.has('credibility'))) throw new NarizError('NARIZ_BAD_REQUEST', 'map "grading", or "reliability" and "credibility", not both', { path: 'mapping' });
    if (byField.has('reliability') !== byField.has('credibility')) throw new NarizError('NARIZ_BAD_REQUEST', 'map both "reliability" and "credibility"', { path: 'mapping' });
    if (!byField.has('grading') && !byField.has('reliability') && defaults.grading === undefined) {
      throw new NarizError('NARIZ_BAD_REQUEST', 'every assertion needs a grading: map a "grading" column (e.g. "B2") or give defaults.grading', { path: 'defaults.grading' });
    }
  }
  return byField;
}

/** One row's reading: cells by field, problems collected with the column's name. */
class RowReader {
  readonly problems: ImportProblem[] = [];
  constructor(
    private readonly row: ImportRow,
    private readonly columns: readonly string[],
    private readonly byField: ReadonlyMap<string, number>,
  ) {
    if (row.extra !== undefined) this.problem('(row)', `${row.extra} cell(s) more than the header has columns`);
  }

  columnOf(field: string): string {
    const k = this.byField.get(field);
    return k === undefined ? `(default ${field})` : this.columns[k]!;
  }

  /**
   * The trimmed cell of the field's column; undefined when unmapped or
   * blank. A leading ' before = + - @ is dropped: our CSV export adds it so
   * that spreadsheets do not run a cell as a formula (graph-export.ts).
   */
  text(field: string): string | undefined {
    const k = this.byField.get(field);
    const v = k === undefined ? undefined : this.row.cells[k]?.trim();
    if (v === undefined || v === '') return undefined;
    return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
  }

  problem(column: string, message: string): undefined {
    this.problems.push({ line: this.row.line, column, message });
    return undefined;
  }

  bad(field: string, message: string): undefined {
    return this.problem(this.columnOf(field), message);
  }

  number(field: string, lo: number, hi: number): number | undefined {
    const t = this.text(field);
    if (t === undefined) return undefined;
    const x = Number(t.replace(',', '.'));
    if (!Number.isFinite(x) || x < lo || x > hi) return this.bad(field, `"${t}" is not a number from ${lo} to ${hi}`);
    return x;
  }

  limited(field: string, max: number): string | undefined {
    const t = this.text(field);
    if (t !== undefined && t.length > max) return this.bad(field, `longer than ${max} characters`);
    return t;
  }

  marking(ctx: PlanContext, defaults: ImportDefaults): Marking {
    const portion = this.text('portion');
    if (portion === undefined) return defaults.marking;
    let m: Marking;
    try {
      m = parsePortionMarking(portion, this.text('originator') ?? defaults.marking.originator, ctx.policy);
    } catch (err) {
      this.bad('portion', (err as Error).message);
      return defaults.marking;
    }
    const d = canAccess(ctx.subject, m, ctx.policy);
    if (!d.allowed) this.bad('portion', `you could not see what you mark ${portionMarking(m, ctx.policy)} (${d.reasons.join('; ')})`);
    return m;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date (the whole day, UTC) or an instant (ISO 8601 with a time): [from, to] in ms. */
function whenOf(t: string): [number, number] | undefined {
  if (DATE.test(t)) {
    const d = Date.parse(`${t}T00:00:00Z`);
    return Number.isNaN(d) ? undefined : [d, d + DAY_MS - 1];
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) return undefined;
  const x = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
  return Number.isNaN(x) ? undefined : [x, x];
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'directed', 'sí', 'si']);
const FALSE = new Set(['false', 'no', 'n', '0', 'undirected']);

function validEntityId(r: RowReader, id: string, taken: (id: string) => boolean): string | undefined {
  if (!NETWORK_ID.test(id)) return r.bad('id', `"${id}" is not an id (letters, digits, _ . : -, up to 128, not starting with a sign)`);
  if (taken(id)) return r.bad('id', `id "${id}" is taken (by an entity you may see, or an earlier row)`);
  return id;
}

export function planEntities(table: ImportTable, byField: ReadonlyMap<string, number>, defaults: ImportDefaults, ctx: PlanContext): ImportPlan {
  const knownIds = new Set(ctx.known.map((e) => e.id));
  const entities: NewNetworkEntity[] = [];
  const problems: ImportProblem[] = [];
  const attributeColumns = [...byField.entries()].filter(([f]) => ATTRIBUTE_FIELD.test(f)).map(([f, k]) => [ATTRIBUTE_FIELD.exec(f)![1]!, k] as const);
  for (const row of table.rows) {
    const r = new RowReader(row, table.columns, byField);
    const given = r.text('id');
    const id = given === undefined ? `${ctx.importId}-${row.line}` : validEntityId(r, given, (x) => knownIds.has(x) || entities.some((e) => e.id === x));
    const label = r.limited('label', 300) ?? r.bad('label', 'no label');
    const typeText = r.text('type')?.toLowerCase();
    const type = typeText === undefined ? (defaults.entityType ?? 'other') : (ENTITY_TYPES as readonly string[]).includes(typeText) ? (typeText as EntityType) : r.bad('type', `"${typeText}" is not one of ${ENTITY_TYPES.join(', ')}`);
    const aliases = (r.text('aliases') ?? '').split(/[|;]/).map((a) => a.trim()).filter((a) => a !== '');
    if (aliases.some((a) => a.length > 300)) r.bad('aliases', 'an alias is longer than 300 characters');
    const lat = r.number('lat', -90, 90);
    const lon = r.number('lon', -180, 180);
    if ((lat === undefined) !== (lon === undefined) && r.problems.length === 0) r.bad(lat === undefined ? 'lat' : 'lon', 'give both lat and lon, or neither');
    const lead = r.text('lead_id');
    if (lead !== undefined && !ctx.visibleLeads.has(lead)) r.bad('lead_id', `no lead "${lead}"`);
    const attributes: Record<string, string | number | boolean | null> = {};
    const json = r.text('attributes');
    if (json !== undefined) {
      try {
        const v = JSON.parse(json) as unknown;
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
        for (const [k, x] of Object.entries(v)) {
          if (x !== null && !['string', 'number', 'boolean'].includes(typeof x)) throw new Error(`attribute "${k}" is not a string, number, boolean or null`);
          attributes[k] = x as string | number | boolean | null;
        }
      } catch (err) {
        r.bad('attributes', `not a JSON object of scalars: ${(err as Error).message}`);
      }
    }
    for (const [name, k] of attributeColumns) {
      const v = row.cells[k]?.trim();
      if (v !== undefined && v !== '') attributes[name] = v;
    }
    const marking = r.marking(ctx, defaults);
    if (r.problems.length > 0 || id === undefined || label === undefined || type === undefined) {
      problems.push(...r.problems);
      continue;
    }
    entities.push({
      id, type, label, aliases, attributes: attributes as EntityAttributes, lat, lon: lat === undefined ? undefined : lon, leadId: lead === undefined ? undefined : leadId(lead),
      marking, createdBy: ctx.username, at: ctx.at,
    });
  }
  return { entities, assertions: [], problems, rows: table.rows.length, validRows: entities.length };
}

/** Finds entities by id, label or alias among those the user may see; names made by this import come after. */
class EntityFinder {
  private readonly byId = new Set<string>();
  private readonly byLabel = new Map<string, Set<string>>();
  private readonly byAlias = new Map<string, Set<string>>();
  private readonly made = new Map<string, string>();

  constructor(known: readonly NetworkEntityRecord[]) {
    const add = (m: Map<string, Set<string>>, k: string, id: string): void => {
      let s = m.get(k);
      if (s === undefined) m.set(k, (s = new Set()));
      s.add(id);
    };
    for (const e of known) {
      this.byId.add(e.id);
      add(this.byLabel, e.label.trim(), e.id);
      for (const a of e.aliases) add(this.byAlias, a.trim(), e.id);
    }
  }

  /** The entity id, 'ambiguous', or undefined (not found). */
  find(name: string): string | 'ambiguous' | undefined {
    if (this.byId.has(name)) return name;
    for (const m of [this.byLabel, this.byAlias]) {
      const s = m.get(name);
      if (s !== undefined) return s.size === 1 ? [...s][0]! : 'ambiguous';
    }
    return this.made.get(name);
  }

  madeFor(name: string): string | undefined {
    return this.made.get(name);
  }

  remember(name: string, id: string): void {
    this.made.set(name, id);
  }
}

export function planAssertions(table: ImportTable, byField: ReadonlyMap<string, number>, defaults: ImportDefaults, ctx: PlanContext): ImportPlan {
  const finder = new EntityFinder(ctx.known);
  const entities: NewNetworkEntity[] = [];
  const assertions: NewNetworkAssertion[] = [];
  const problems: ImportProblem[] = [];
  const ids = new Set<string>();
  for (const row of table.rows) {
    const r = new RowReader(row, table.columns, byField);
    const given = r.text('id');
    let id: string | undefined = `${ctx.importId}-${row.line}`;
    if (given !== undefined) {
      if (!NETWORK_ID.test(given)) id = r.bad('id', `"${given}" is not an id (letters, digits, _ . : -, up to 128)`);
      else if (ctx.knownAssertions.has(given) || ids.has(given)) id = r.bad('id', `id "${given}" is taken (by an assertion you may see, or an earlier row)`);
      else id = given;
    }
    // Ends: found, or made for this row (kept only if the row is valid).
    const pending: Array<[string, string]> = [];
    const end = (field: 'from' | 'to'): string | undefined => {
      const name = r.limited(field, 300);
      if (name === undefined) return r.bad(field, `no "${field}" entity`);
      const found = finder.find(name) ?? pending.find(([n]) => n === name)?.[1];
      if (found === 'ambiguous') return r.bad(field, `"${name}" is the label or alias of several entities; give the entity's id`);
      if (found !== undefined) return found;
      if (!ctx.createEntities) return r.bad(field, `no entity "${name}" (create_entities is false)`);
      const made = `${ctx.importId}-e${entities.length + pending.length + 1}`;
      pending.push([name, made]);
      return made;
    };
    const from = end('from');
    const to = end('to');
    const type = r.limited('type', 64) ?? defaults.type ?? 'association';
    const dir = r.text('directed')?.toLowerCase();
    const directed = dir === undefined ? (defaults.directed ?? false) : TRUE.has(dir) ? true : FALSE.has(dir) ? false : r.bad('directed', `"${dir}" is not true or false`);
    let interval: [number, number] | undefined;
    const date = r.text('date');
    if (date !== undefined) interval = whenOf(date) ?? r.bad('date', `"${date}" is not a date (YYYY-MM-DD) or a date and time (ISO 8601)`);
    const vf = r.text('valid_from');
    const vt = r.text('valid_to');
    if (vf !== undefined || vt !== undefined) {
      const a = vf === undefined ? r.bad('valid_from', 'valid_to without valid_from') : whenOf(vf) ?? r.bad('valid_from', `"${vf}" is not a date or a date and time`);
      const b = vt === undefined ? r.bad('valid_to', 'valid_from without valid_to') : whenOf(vt) ?? r.bad('valid_to', `"${vt}" is not a date or a date and time`);
      if (a !== undefined && b !== undefined) interval = b[1] >= a[0] ? [a[0], b[1]] : r.bad('valid_to', 'ends before valid_from');
    }
    let grading = defaults.grading;
    const g = r.text('grading');
    if (g !== undefined) {
      try {
        grading = parseGrading(g);
      } catch {
        grading = r.bad('grading', `"${g}" is not an Admiralty grading (a letter A-F then a digit 1-6, e.g. "B2")`);
      }
    } else if (byField.has('reliability')) {
      const rel = r.text('reliability')?.toUpperCase();
      const cred = r.text('credibility');
      const okRel = rel !== undefined && /^[A-F]$/.test(rel);
      const okCred = cred !== undefined && /^[1-6]$/.test(cred);
      if (!okRel) r.bad('reliability', `"${rel ?? ''}" is not a source reliability A-F`);
      if (!okCred) r.bad('credibility', `"${cred ?? ''}" is not an information credibility 1-6`);
      grading = okRel && okCred ? parseGrading(`${rel}${cred}`) : undefined;
    }
    if (grading === undefined && g === undefined && !byField.has('reliability')) r.bad('grading', 'no grading');
    const count = r.number('count', Number.MIN_VALUE, 1e9) ?? 1;
    const note = r.limited('note', 4000) ?? '';
    const sourceRef = r.limited('source_ref', 300) ?? defaults.sourceRef ?? `${ctx.fileName} line ${row.line}`;
    const sourceTitle = r.limited('source_title', 300) ?? defaults.sourceTitle ?? ctx.fileName;
    const marking = r.marking(ctx, defaults);
    if (r.problems.length > 0 || id === undefined || from === undefined || to === undefined || directed === undefined || grading === undefined) {
      problems.push(...r.problems);
      continue;
    }
    for (const [name, made] of pending) {
      if (finder.madeFor(name) !== undefined) continue;
      finder.remember(name, made);
      entities.push({
        id: made, type: defaults.entityType ?? 'other', label: name, aliases: [], attributes: {}, lat: undefined, lon: undefined, leadId: undefined,
        marking: defaults.marking, createdBy: ctx.username, at: ctx.at,
      });
    }
    ids.add(id);
    assertions.push({
      id, from, to, type, directed, sourceRef, sourceTitle, validFrom: interval === undefined ? undefined : new Date(interval[0]).toISOString(),
      validTo: interval === undefined ? undefined : new Date(interval[1]).toISOString(), reliability: grading.reliability as SourceReliabilityCode,
      credibility: grading.credibility as InformationCredibilityCode, count, note, marking, createdBy: ctx.username, at: ctx.at,
    });
  }
  return { entities, assertions, problems, rows: table.rows.length, validRows: assertions.length };
}
