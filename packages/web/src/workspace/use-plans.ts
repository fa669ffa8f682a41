/**
 * Stored flight plans: the list, and the plan open on the map with its
 * timeline and check. A survey's estimate and an import's notes come only in
 * the answer that created the plan; they are kept here so that reopening the
 * plan in this session still shows them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { ImportInfo, PlanDetail, PlanSummary } from '../api/schema/plan-record.js';
import type { SurveyEstimate } from '../api/schema/survey-estimate.js';

export interface PlansState {
  readonly list: readonly PlanSummary[] | null;
  readonly error: unknown;
  readonly open: PlanDetail | null;
  readonly opening: string | null;
  readonly openError: unknown;
  readonly reload: () => void;
  readonly openPlan: (id: string) => void;
  /** Shows a plan the app already has (a create, import or re-check answer) and lists it. */
  readonly show: (p: PlanDetail) => void;
  readonly close: () => void;
  /** Forgets a deleted plan. */
  readonly removed: (id: string) => void;
}

function summaryOf(p: PlanDetail): PlanSummary {
  return { id: p.id, name: p.name, authorityId: p.authorityId, createdBy: p.createdBy, createdAt: p.createdAt, updatedAt: p.updatedAt };
}

export function usePlans(client: ApiClient): PlansState {
  const [list, setList] = useState<readonly PlanSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<PlanDetail | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const extras = useRef(new Map<string, { survey: SurveyEstimate | null; imported: ImportInfo | null }>());
  const wanted = useRef<string | null>(null);

  const reload = useCallback(() => {
    client.plans().then(
      (l) => {
        setList(l);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const withExtras = useCallback((p: PlanDetail): PlanDetail => {
    const have = extras.current.get(p.id);
    if (p.survey !== null || p.imported !== null) {
      extras.current.set(p.id, { survey: p.survey ?? have?.survey ?? null, imported: p.imported ?? have?.imported ?? null });
      return p;
    }
    return have === undefined ? p : { ...p, survey: have.survey, imported: have.imported };
  }, []);

  const show = useCallback(
    (p: PlanDetail) => {
      wanted.current = p.id;
      setOpening(null);
      setOpenError(null);
      setOpen(withExtras(p));
      const s = summaryOf(p);
      setList((l) => ((l ?? []).some((x) => x.id === p.id) ? (l ?? []).map((x) => (x.id === p.id ? s : x)) : [s, ...(l ?? [])]));
    },
    [withExtras],
  );

  const openPlan = useCallback(
    (id: string) => {
      wanted.current = id;
      setOpening(id);
      setOpenError(null);
      client.plan(id).then(
        (p) => {
          if (wanted.current !== id) return;
          setOpening(null);
          setOpen(withExtras(p));
        },
        (err: unknown) => {
          if (wanted.current !== id) return;
          setOpening(null);
          setOpenError(err);
        },
      );
    },
    [client, withExtras],
  );

  const close = useCallback(() => {
    wanted.current = null;
    setOpen(null);
    setOpening(null);
    setOpenError(null);
  }, []);

  const removed = useCallback((id: string) => {
    extras.current.delete(id);
    setList((l) => (l ?? []).filter((x) => x.id !== id));
    setOpen((o) => (o?.id === id ? null : o));
  }, []);

  return { list, error, open, opening, openError, reload, openPlan, show, close, removed };
}
