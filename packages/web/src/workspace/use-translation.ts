/**
 * The translation tab's state, shared by its left panel (what to translate
 * and how, which lead to save on) and its main view (the result side by
 * side, the glossary hits, the caveat, copy, download and save): the
 * server's engines and the one chosen (or the direction's default), the
 * direction, the pasted text or the chosen file, the options (case names
 * kept as written, the glossary on or off), the newest translation with the
 * options it was made with, the lead picker and the note's marking, the
 * saved note, and which view the main area shows (the translation or the
 * glossary, whose state is use-translation-glossary.ts), the glossary
 * changes made since the translation on screen was asked for (its hits
 * whose entry changed say "re-translate to apply"), and opening the
 * glossary on a hit's entry. Made once by the
 * workspace; the engines and the leads are asked for when the tab is first
 * opened. Every call goes through the app's ApiClient (its 401 handling
 * included).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { LeadId } from '../api/schema/ids.js';
import type { Lead } from '../api/schema/lead.js';
import type { TranslationEngines } from '../api/schema/translation-engines.js';
import type { SavedTranslation } from '../api/schema/translation-saved.js';
import type { Direction, Translation } from '../api/schema/translation.js';
import { draftMarking, emptyDraft, type MarkingDraft } from '../leads/marking-draft.js';
import { changedEntriesSince, EMPTY_GLOSSARY_CHANGES, recordGlossaryChange, type GlossaryChange, type GlossaryChangeKind, type GlossaryChangeLog } from '../translation/glossary-changes.js';
import { parseCaseNames, saveRequestBody, type TranslateOptions } from '../translation/save-request.js';
import type { EngineId } from '../translation/translate-request.js';
import { useLatestRequest } from './use-latest-request.js';
import { useTranslationGlossary, type GlossaryWorkspace } from './use-translation-glossary.js';

/** A direction, or "let the server tell" from the text. */
export type DirectionChoice = Direction | 'auto';
export type InputMode = 'text' | 'file';
/** An engine by name, or the direction's default. */
export type EngineChoice = EngineId | 'default';
/** What the main area shows. */
export type TranslationMainView = 'translation' | 'glossary';

/** The newest translation and the options it was made with (saving repeats them). */
export interface TranslationOutcome {
  readonly translation: Translation;
  readonly options: TranslateOptions;
  /** The glossary change log's number when the request was sent (glossary-changes.ts). */
  readonly glossarySeq: number;
}

/** The picker offers the newest leads first, this many (the API's pages go to 500). */
const LEAD_LIMIT = 200;

export interface TranslationWorkspace {
  readonly engines: TranslationEngines | null;
  readonly enginesError: unknown;
  readonly reloadEngines: () => void;
  readonly engine: EngineChoice;
  readonly setEngine: (e: EngineChoice) => void;
  readonly view: TranslationMainView;
  readonly setView: (v: TranslationMainView) => void;
  readonly glossaryBook: GlossaryWorkspace;
  /** Shows the glossary on a hit's entry (searched by its term, highlighted). */
  readonly openInGlossary: (entryId: string, term: string) => void;
  /** The entries of the translation on screen changed since it was asked for, and how. */
  readonly changedHits: ReadonlyMap<string, Exclude<GlossaryChangeKind, 'created'>>;
  readonly direction: DirectionChoice;
  readonly setDirection: (d: DirectionChoice) => void;
  readonly mode: InputMode;
  readonly setMode: (m: InputMode) => void;
  readonly text: string;
  readonly setText: (t: string) => void;
  readonly file: File | null;
  readonly setFile: (f: File | null) => void;
  readonly glossary: boolean;
  readonly setGlossary: (on: boolean) => void;
  readonly caseNames: string;
  readonly setCaseNames: (t: string) => void;
  /** Whether the panel's input can be translated now. */
  readonly ready: boolean;
  readonly translate: () => void;
  readonly cancel: () => void;
  readonly running: boolean;
  readonly error: unknown;
  readonly outcome: TranslationOutcome | null;
  readonly clear: () => void;
  // Saving on a lead.
  readonly leads: readonly Lead[] | null;
  readonly leadsError: unknown;
  readonly reloadLeads: () => void;
  readonly leadId: LeadId | null;
  readonly setLeadId: (id: LeadId | null) => void;
  readonly marking: MarkingDraft;
  readonly setMarking: (d: MarkingDraft) => void;
  readonly save: () => void;
  readonly saving: boolean;
  readonly saveError: unknown;
  /** The note saved for the translation on screen (cleared by a new translation). */
  readonly saved: SavedTranslation | null;
}

/** `_csrfToken` is unused: the ApiClient carries the session's token. */
export function useTranslation(client: ApiClient, _csrfToken: string, active: boolean, canSaveToLead: boolean): TranslationWorkspace {
  const [engines, setEngines] = useState<TranslationEngines | null>(null);
  const [engine, setEngine] = useState<EngineChoice>('default');
  const [view, setView] = useState<TranslationMainView>('translation');
  const [enginesError, setEnginesError] = useState<unknown>(null);
  const [enginesWanted, setEnginesWanted] = useState(0);
  const [direction, setDirection] = useState<DirectionChoice>('es-en');
  const [mode, setMode] = useState<InputMode>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [glossary, setGlossary] = useState(true);
  const [caseNames, setCaseNames] = useState('');
  const request = useLatestRequest<TranslationOutcome>();

  const [leads, setLeads] = useState<readonly Lead[] | null>(null);
  const [leadsError, setLeadsError] = useState<unknown>(null);
  const [leadsWanted, setLeadsWanted] = useState(0);
  const [leadId, setLeadId] = useState<LeadId | null>(null);
  const [marking, setMarking] = useState<MarkingDraft>(() => emptyDraft());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<SavedTranslation | null>(null);

  // The engines once the tab is first opened (and again on demand).
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  useEffect(() => {
    if (!opened) return undefined;
    const c = new AbortController();
    setEnginesError(null);
    client.translationEngines(c.signal).then(setEngines, (err: unknown) => {
      if (!c.signal.aborted) setEnginesError(err);
    });
    return () => c.abort();
  }, [opened, enginesWanted, client]);

  // The glossary, when its view is shown; a change there is news for the engines' summary.
  // A change there is news for the engines' summary and for the translation's hits too.
  const reloadEngines = useCallback(() => setEnginesWanted((n) => n + 1), []);
  const [glossaryChanges, setGlossaryChanges] = useState<GlossaryChangeLog>(EMPTY_GLOSSARY_CHANGES);
  const onGlossaryChanged = useCallback(
    (c: GlossaryChange) => {
      setGlossaryChanges((log) => recordGlossaryChange(log, c));
      reloadEngines();
    },
    [reloadEngines],
  );
  const glossaryBook = useTranslationGlossary(client, opened && view === 'glossary', onGlossaryChanged);
  const focusEntry = glossaryBook.focusEntry;
  const openInGlossary = useCallback(
    (entryId: string, term: string) => {
      focusEntry({ id: entryId, term });
      setView('glossary');
    },
    [focusEntry],
  );

  // The leads to save on (those the user may see), when they may save.
  useEffect(() => {
    if (!opened || !canSaveToLead) return undefined;
    const c = new AbortController();
    setLeadsError(null);
    client.leads({ limit: LEAD_LIMIT }, c.signal).then(
      (page) => setLeads(page.leads),
      (err: unknown) => {
        if (!c.signal.aborted) setLeadsError(err);
      },
    );
    return () => c.abort();
  }, [opened, canSaveToLead, leadsWanted, client]);

  const ready = mode === 'text' ? text.trim() !== '' : file !== null;
  const start = request.start;
  const translate = useCallback(() => {
    if (!ready) return;
    const options: TranslateOptions = { entities: parseCaseNames(caseNames), glossary, ...(engine === 'default' ? {} : { engine }) };
    const dir = direction === 'auto' ? null : direction;
    const glossarySeq = glossaryChanges.seq;
    setSaved(null);
    setSaveError(null);
    if (mode === 'file' && file !== null) {
      start((signal) => client.translateDocument(file, file.name, dir, options, signal).then((translation) => ({ translation, options, glossarySeq })));
    } else {
      start((signal) => client.translateText(text, dir, options, signal).then((translation) => ({ translation, options, glossarySeq })));
    }
    setView('translation');
  }, [ready, caseNames, glossary, engine, direction, mode, file, text, start, client, glossaryChanges.seq]);

  const outcome = request.result;
  const outcomeSeq = outcome?.glossarySeq ?? null;
  const changedHits = useMemo(() => (outcomeSeq === null ? new Map<string, Exclude<GlossaryChangeKind, 'created'>>() : changedEntriesSince(glossaryChanges, outcomeSeq)), [glossaryChanges, outcomeSeq]);
  const save = useCallback(() => {
    if (outcome === null || leadId === null) return;
    const b = saveRequestBody(outcome.translation, outcome.options, draftMarking(marking));
    if (!b.ok) return;
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    client.saveTranslationOnLead(leadId, b.body).then(
      (s) => {
        setSaving(false);
        setSaved(s);
      },
      (err: unknown) => {
        setSaving(false);
        setSaveError(err);
      },
    );
  }, [outcome, leadId, marking, client]);

  const clearRequest = request.clear;
  const clear = useCallback(() => {
    clearRequest();
    setSaved(null);
    setSaveError(null);
  }, [clearRequest]);

  return {
    engines,
    enginesError,
    reloadEngines,
    engine,
    setEngine,
    view,
    setView,
    glossaryBook,
    openInGlossary,
    changedHits,
    direction,
    setDirection,
    mode,
    setMode,
    text,
    setText,
    file,
    setFile,
    glossary,
    setGlossary,
    caseNames,
    setCaseNames,
    ready,
    translate,
    cancel: clearRequest,
    running: request.running,
    error: request.error,
    outcome,
    clear,
    leads,
    leadsError,
    reloadLeads: useCallback(() => setLeadsWanted((n) => n + 1), []),
    leadId,
    setLeadId: useCallback((id: LeadId | null) => {
      setLeadId(id);
      setSaved(null);
      setSaveError(null);
    }, []),
    marking,
    setMarking,
    save,
    saving,
    saveError,
    saved,
  };
}
