/**
 * Leads for the workspace: the list (a status filter and text search, as
 * the server filters them through the user's markings), the lead open in
 * the right column with its evidence, history and releases, the dashboard,
 * a new lead being written (from a located source, or a place clicked on
 * the map), and the map's side: the leads' points and the open lead's
 * circle, and the map's input. A `lead` live message (sent only to users
 * who may see the lead) refreshes what it touches.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { isLeadId, type LeadId } from '../api/schema/ids.js';
import type { LeadDashboard } from '../api/schema/lead-dashboard.js';
import type { LeadDetail, LeadPage, LeadStatus } from '../api/schema/lead.js';
import { leadCircle, leadPoints } from '../geo/lead-features.js';
import type { LeadOrigin } from '../leads/lead-request.js';
import type { LeadOverlays } from '../map/lead-layers.js';
import type { LeadMapInput } from '../map/MapView.js';
import { useLive, type LiveHub } from './live-hub.js';

/** The map shows at most this many leads (the list's newest): the API's largest page. */
const LIST_LIMIT = 500;
/** Live messages arrive in bursts (a release moves a lead and adds a release): one refresh per burst. */
const REFRESH_MS = 250;

export interface LeadFilter {
  /** Empty: every state. */
  readonly statuses: readonly LeadStatus[];
  readonly q: string;
}

export interface LeadsWorkspace {
  readonly filter: LeadFilter;
  readonly setFilter: (f: LeadFilter) => void;
  readonly page: LeadPage | null;
  readonly listError: unknown;
  readonly reloadList: () => void;
  readonly openId: LeadId | null;
  readonly open: (id: LeadId) => void;
  readonly close: () => void;
  readonly detail: LeadDetail | null;
  readonly detailError: unknown;
  readonly reloadDetail: () => void;
  /** After a change made here: the list, the open lead and the dashboard again. */
  readonly changed: () => void;
  readonly dashboard: LeadDashboard | null;
  readonly dashboardError: unknown;
  readonly reloadDashboard: () => void;
  /** A new lead being written, and where it comes from. */
  readonly draft: LeadOrigin | null;
  readonly startDraft: (o: LeadOrigin) => void;
  readonly cancelDraft: () => void;
  /** "New lead by hand": waiting for a click on the map. */
  readonly picking: boolean;
  readonly setPicking: (on: boolean) => void;
  readonly overlays: LeadOverlays;
  readonly mapInput: LeadMapInput;
}

export function useLeads(client: ApiClient, hub: LiveHub): LeadsWorkspace {
  const [filter, setFilter] = useState<LeadFilter>({ statuses: [], q: '' });
  const [page, setPage] = useState<LeadPage | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<LeadId | null>(null);
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [detailError, setDetailError] = useState<unknown>(null);
  const [dashboard, setDashboard] = useState<LeadDashboard | null>(null);
  const [dashboardError, setDashboardError] = useState<unknown>(null);
  const [draft, setDraft] = useState<LeadOrigin | null>(null);
  const [picking, setPicking] = useState(false);

  // Each reader keeps only its newest answer (a slow answer to an older filter never wins).
  const listSeq = useRef(0);
  const reloadList = useCallback(() => {
    const seq = ++listSeq.current;
    client.leads({ statuses: filter.statuses, q: filter.q, limit: LIST_LIMIT }).then(
      (p) => {
        if (seq !== listSeq.current) return;
        setPage(p);
        setListError(null);
      },
      (err: unknown) => seq === listSeq.current && setListError(err),
    );
  }, [client, filter]);
  useEffect(reloadList, [reloadList]);

  const detailSeq = useRef(0);
  const reloadDetail = useCallback(() => {
    const seq = ++detailSeq.current;
    if (openId === null) {
      setDetail(null);
      setDetailError(null);
      return;
    }
    client.lead(openId).then(
      (d) => {
        if (seq !== detailSeq.current) return;
        setDetail(d);
        setDetailError(null);
      },
      (err: unknown) => seq === detailSeq.current && setDetailError(err),
    );
  }, [client, openId]);
  useEffect(reloadDetail, [reloadDetail]);

  const dashSeq = useRef(0);
  const reloadDashboard = useCallback(() => {
    const seq = ++dashSeq.current;
    client.leadDashboard().then(
      (d) => {
        if (seq !== dashSeq.current) return;
        setDashboard(d);
        setDashboardError(null);
      },
      (err: unknown) => seq === dashSeq.current && setDashboardError(err),
    );
  }, [client]);
  useEffect(reloadDashboard, [reloadDashboard]);

  const changed = useCallback(() => {
    reloadList();
    reloadDetail();
    reloadDashboard();
  }, [reloadList, reloadDetail, reloadDashboard]);

  // Live: one refresh per burst; the open lead only when it is the one that changed.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const touchedOpen = useRef(false);
  const latest = useRef({ changed, reloadList, reloadDashboard, reloadDetail, openId });
  latest.current = { changed, reloadList, reloadDashboard, reloadDetail, openId };
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  useLive(hub, {
    onMessage: (m) => {
      if (m.type !== 'lead') return;
      if (m.id === latest.current.openId) touchedOpen.current = true;
      if (timer.current !== null) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const l = latest.current;
        l.reloadList();
        l.reloadDashboard();
        if (touchedOpen.current) l.reloadDetail();
        touchedOpen.current = false;
      }, REFRESH_MS);
    },
    onReconnect: () => latest.current.changed(),
  });

  const open = useCallback((id: LeadId) => {
    setOpenId(id);
    setDetail((d) => (d?.id === id ? d : null));
  }, []);
  const close = useCallback(() => setOpenId(null), []);
  const startDraft = useCallback((o: LeadOrigin) => {
    setDraft(o);
    setPicking(false);
  }, []);
  const cancelDraft = useCallback(() => setDraft(null), []);

  const points = useMemo(() => leadPoints(page?.leads ?? [], dashboard?.outcomes.features ?? []), [page, dashboard]);
  const circle = useMemo(() => leadCircle(detail !== null && detail.id === openId ? detail : null), [detail, openId]);
  const overlays = useMemo<LeadOverlays>(() => ({ points, circle }), [points, circle]);

  const onPlace = useCallback((lon: number, lat: number) => startDraft({ kind: 'place', lat, lon }), [startDraft]);
  const onLead = useCallback((id: string) => {
    if (isLeadId(id)) open(id);
  }, [open]);
  const mapInput = useMemo<LeadMapInput>(() => ({ picking, onPlace, onLead }), [picking, onPlace, onLead]);

  return {
    filter, setFilter, page, listError, reloadList, openId, open, close, detail, detailError, reloadDetail, changed,
    dashboard, dashboardError, reloadDashboard, draft, startDraft, cancelDraft, picking, setPicking, overlays, mapInput,
  };
}
