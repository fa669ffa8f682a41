/**
 * The signed-in app: sorties and upload on the left, the map in the middle
 * (track, detections, sources, posterior heat, hazard zones, time slider),
 * the localisation and the sources on the right, the concentration plot in
 * a drawer below the map. Everything updates from the live feed. A video
 * opened from the video tab plays above the map, synchronised with it; its
 * annotations and motion cues are on the right. Leads are on their own
 * tab (list, new leads, dashboard), on the map, and the open lead on the
 * right; administrators have an accounts tab.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.js';
import type { AppConfig } from '../api/schema/app-config.js';
import type { LeadId, SortieId } from '../api/schema/ids.js';
import type { AuthoritySummary } from '../api/schema/authority.js';
import type { PlanDetail, PlanSummary } from '../api/schema/plan-record.js';
import { canAnalyse, canPlan, canReadNetwork, canTranslate, canWriteLeads, canWriteNetwork, isAdmin, type Session } from '../api/schema/session.js';
import type { Sortie } from '../api/schema/sortie.js';
import type { Video } from '../api/schema/video.js';
import { UsersPanel } from '../components/admin/UsersPanel.js';
import { ConcentrationPlotSlot } from '../components/ConcentrationPlotSlot.js';
import { errorText } from '../components/error-text.js';
import { AirspaceLegend } from '../components/flight/AirspaceLegend.js';
import { FlightPanel } from '../components/flight/FlightPanel.js';
import { PlanDetailPanel } from '../components/flight/PlanDetailPanel.js';
import { Header } from '../components/Header.js';
import { JobStatus } from '../components/JobStatus.js';
import type { EvidenceLink } from '../components/leads/EvidencePanel.js';
import { LeadDetailPanel } from '../components/leads/LeadDetailPanel.js';
import { LeadLegend } from '../components/leads/LeadLegend.js';
import { LeadsPanel } from '../components/leads/LeadsPanel.js';
import { Legend } from '../components/Legend.js';
import { MapControls } from '../components/MapControls.js';
import { NetworkPanel } from '../components/network/NetworkPanel.js';
import { NetworkView } from '../components/network/NetworkView.js';
import { SidebarTabs, type SidebarTab } from '../components/SidebarTabs.js';
import { SimulatedBadge } from '../components/SimulatedBadge.js';
import { SortieList } from '../components/SortieList.js';
import { SourceDetail } from '../components/SourceDetail.js';
import { SourceList } from '../components/SourceList.js';
import { TimeSlider } from '../components/TimeSlider.js';
import { TranslationPanel } from '../components/translation/TranslationPanel.js';
import { TranslationView } from '../components/translation/TranslationView.js';
import { UploadPanel } from '../components/UploadPanel.js';
import { VideoClipPanel } from '../components/video/VideoClipPanel.js';
import { VideoLegend } from '../components/video/VideoLegend.js';
import { VideoPanel } from '../components/video/VideoPanel.js';
import { VideoPlayer } from '../components/video/VideoPlayer.js';
import { formatDuration, formatLatLon, formatProbability, formatSignificant } from '../format/numbers.js';
import { KG_M3_TO, type ConcentrationUnit } from '../format/units.js';
import { colourStops, concentrationDomain } from '../geo/colour-scale.js';
import { meanWind } from '../geo/mean-wind.js';
import { planBbox } from '../geo/plan-features.js';
import { positionAt, trackSegments } from '../geo/track.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LabelScope } from '../leads/marking-draft.js';
import { LabelScopeContext } from '../session/label-scope.js';
import type { OverlayGroup } from '../map/layer-ids.js';
import type { BasemapStatus, Bbox, PopupBuilders } from '../map/MapView.js';
import { detectionFeatures, emptyOverlays, estimateFeatures, type MapOverlays } from '../map/overlay-data.js';
import type { DetectionProps } from '../map/overlay-data.js';
import { detectionPopup, hazardPopup, sourcePopup, type PopupContext } from '../map/popup-content.js';
import { useLiveHub } from './live-hub.js';
import { useFlight } from './use-flight.js';
import { useJobs } from './use-jobs.js';
import { useLeads } from './use-leads.js';
import { useNetwork } from './use-network.js';
import { usePlayback } from './use-playback.js';
import { useSortieData } from './use-sortie-data.js';
import { useSorties } from './use-sorties.js';
import { useTranslation } from './use-translation.js';
import { useVideo } from './use-video.js';

const MapView = lazy(() => import('../map/MapView.js'));

const ALL_VISIBLE: Readonly<Record<OverlayGroup, boolean>> = { track: true, detections: true, sources: true, posterior: true, hazards: true, airspace: true, plan: true, vehicles: true, video: true, leads: true, network: true };

/** Zoom the map goes to (at least) when a violation, excursion, waypoint or vehicle is selected. */
const FOCUS_ZOOM = 14;

export interface WorkspaceProps {
  readonly client: ApiClient;
  readonly session: Session;
  readonly appConfig: AppConfig;
  readonly onSignOut: () => void;
}

export function Workspace(p: WorkspaceProps): ReactNode {
  const { t, intl } = useI18n();
  const { client, session } = p;
  const analyst = canAnalyse(session.role);
  const planner = canPlan(session.role);
  const admin = isAdmin(session.role);
  const leadWriter = canWriteLeads(session.role);
  const networkReader = canReadNetwork(session.role);
  const networkWriter = canWriteNetwork(session.role);
  const translator = canTranslate(session.role);
  const [tab, setTab] = useState<SidebarTab>('sorties');
  const { hub, status: liveStatus } = useLiveHub();
  const sorties = useSorties(client, hub);
  const jobs = useJobs(client, hub, liveStatus);
  const [selectedId, setSelectedId] = useState<SortieId | null>(null);
  const [basemap, setBasemap] = useState<BasemapStatus | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  // The newest sortie is shown first; a deleted selection falls back to it.
  useEffect(() => {
    const list = sorties.sorties;
    if (list === null) return;
    if (selectedId === null || !list.some((s) => s.id === selectedId)) setSelectedId(list[0]?.id ?? null);
  }, [sorties.sorties, selectedId]);

  const sortie: Sortie | null = sorties.sorties?.find((s) => s.id === selectedId) ?? null;
  const data = useSortieData(client, hub, selectedId);
  const job = selectedId === null ? undefined : jobs.bySortie.get(selectedId);

  const [speciesKey, setSpeciesKey] = useState<string | null>(null);
  const [unit, setUnit] = useState<ConcentrationUnit>('ug/m3');
  const [visible, setVisible] = useState<Readonly<Record<OverlayGroup, boolean>>>(ALL_VISIBLE);
  const [selectedSource, setSelectedSource] = useState<number | null>(null);
  const [focus, setFocus] = useState<{ key: number; lon: number; lat: number; zoom?: number } | null>(null);
  const [fitRequest, setFitRequest] = useState<{ key: string; bbox: Bbox } | null>(null);
  const fitSeq = useRef(0);
  const viewBounds = useRef<Bbox | null>(null);
  const [plotOpen, setPlotOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [jobError, setJobError] = useState<string | null>(null);

  const speciesOrder = useMemo(() => (sortie?.species ?? []).map((s) => s.key), [sortie?.species]);
  const species = speciesKey !== null && speciesOrder.includes(speciesKey) ? speciesKey : (speciesOrder[0] ?? null);

  useEffect(() => {
    setSelectedSource(null);
    setJobError(null);
    // A newly selected sortie takes the view back from a plan or an authority.
    setFitRequest(null);
  }, [selectedId]);

  const simulated = sortie?.simulated === true || data.estimate?.simulated === true;
  const samples = data.samples;
  const estimate = data.estimate;

  const track = useMemo(() => {
    if (samples === null) return { fc: emptyOverlays().track, stops: null };
    const values = species === null ? undefined : samples.speciesKgM3.get(species);
    const scale = KG_M3_TO[unit];
    const fc = trackSegments(samples, values, scale);
    if (values === undefined) return { fc, stops: null };
    const scaled = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) scaled[i] = values[i]! * scale;
    return { fc, stops: colourStops(concentrationDomain(scaled)) };
  }, [samples, species, unit]);

  const overlays: MapOverlays = useMemo(
    () => ({
      track: track.fc,
      trackStops: track.stops,
      detections: data.detections === null ? emptyOverlays().detections : detectionFeatures(data.detections, speciesOrder),
      ...estimateFeatures(estimate),
    }),
    [track, data.detections, speciesOrder, estimate],
  );

  const flight = useFlight(client, hub, selectedId, samples, t, intl);
  const video = useVideo(client, hub);
  const leads = useLeads(client, hub);
  // The network tab: loaded when first opened; its located entities on the map while it is open.
  const network = useNetwork(client, hub, tab === 'network' && networkReader);
  const selectNetwork = network.select;
  const onNetworkEntity = useCallback((id: string) => selectNetwork({ kind: 'entity', id }), [selectNetwork]);
  // Between a lead and the entities tied to it: each opens the other in its own tab.
  const showEntityOnChart = useCallback(
    (id: string) => {
      setTab('network');
      selectNetwork({ kind: 'entity', id });
    },
    [selectNetwork],
  );
  const openLeadFromNetwork = useCallback(
    (id: LeadId) => {
      setTab('leads');
      leads.open(id);
    },
    [leads.open],
  );
  const translation = useTranslation(client, session.csrfToken, tab === 'translate' && translator, leadWriter);
  const [selectedDetection, setSelectedDetection] = useState<(DetectionProps & { sortieId: SortieId }) | null>(null);
  useEffect(() => setSelectedDetection(null), [selectedId]);
  const sortieSimulated = useCallback((id: string) => sorties.sorties?.some((x) => x.id === id && x.simulated) === true, [sorties.sorties]);

  // "New lead by hand": Esc gives up waiting for the click.
  const setLeadPicking = leads.setPicking;
  useEffect(() => {
    if (!leads.picking) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setLeadPicking(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [leads.picking, setLeadPicking]);
  const openPlan = flight.plans.open;
  const sortieWind = useMemo(() => {
    if (sortie === null || samples === null) return null;
    const wind = meanWind(samples.windUMps, samples.windVMps);
    return wind === null ? null : { name: sortie.name, wind };
  }, [sortie, samples]);

  const requestFit = useCallback((what: string, bbox: Bbox) => {
    fitSeq.current += 1;
    setFitRequest({ key: `${what}:${fitSeq.current}`, bbox });
  }, []);
  // An opened plan fills the view (a re-check of the same plan leaves the view alone).
  const openPlanId = openPlan?.id ?? null;
  useEffect(() => {
    if (openPlan !== null) requestFit(`plan-${openPlan.id}`, planBbox(openPlan.plan));
    // Only a different plan refits.
  }, [openPlanId]);

  // An opened clip fills the view once its frames are known (its tracks and footprints), else its footprints' box.
  const videoFit = video.extent ?? video.open?.bbox ?? null;
  const videoFitKey = video.openId === null || videoFit === null ? null : `${video.openId}:${video.extent === null ? 'bbox' : 'frames'}`;
  useEffect(() => {
    if (videoFitKey !== null && videoFit !== null) requestFit(`video-${videoFitKey}`, videoFit);
    // Only another clip (or its frames arriving) refits.
  }, [videoFitKey]);
  const openVideo = video.openVideo;
  const onVideoUploaded = useCallback(
    (v: Video) => {
      video.videos.upsert(v);
      openVideo(v.id);
    },
    [video.videos, openVideo],
  );
  const closeVideo = video.close;
  const onDeleteVideo = useCallback(
    (v: Video) => {
      if (!window.confirm(t('videos.confirmDelete', { name: v.name }))) return;
      client.deleteVideo(v.id).then(
        () => {
          video.videos.remove(v.id);
          if (video.openId === v.id) closeVideo();
        },
        (err: unknown) => setAlert(errorText(t, err)),
      );
    },
    [client, video.videos, video.openId, closeVideo, t],
  );

  const show = useCallback((lon: number, lat: number) => setFocus((f) => ({ key: (f?.key ?? 0) + 1, lon, lat, zoom: FOCUS_ZOOM })), []);
  const zoomAuthority = useCallback((a: AuthoritySummary) => {
    if (a.bbox !== null) requestFit(`authority-${a.id}`, a.bbox);
  }, [requestFit]);
  const onViewBounds = useCallback((b: Bbox) => {
    viewBounds.current = b;
  }, []);
  const getViewBounds = useCallback(() => viewBounds.current, []);
  const plans = flight.plans;
  const onPlanOpened = useCallback((pd: PlanDetail) => plans.show(pd), [plans]);
  const onDeletePlan = useCallback(
    (pl: PlanSummary) => {
      if (!window.confirm(t('plans.confirmDelete', { name: pl.name }))) return;
      client.deletePlan(pl.id).then(
        () => plans.removed(pl.id),
        (err: unknown) => setAlert(errorText(t, err)),
      );
    },
    [client, plans, t],
  );

  const range = useMemo<readonly [number, number] | null>(() => {
    if (samples === null || samples.timeS.length < 2) return null;
    return [samples.timeS[0]!, samples.timeS[samples.timeS.length - 1]!];
  }, [samples]);
  const playback = usePlayback(range);
  const drone = useMemo(() => (samples === null || playback.timeS === null ? null : positionAt(samples, playback.timeS)), [samples, playback.timeS]);
  // The whole track (no filter) when the replay stands at the end.
  const trackTime = playback.timeS === null || range === null || playback.timeS >= range[1] ? null : playback.timeS;

  // MapView refits only when the key changes: a new sortie, or the first samples of a live one.
  const sortieFit = sortie === null || sortie.bbox === null ? null : { key: sortie.id, bbox: sortie.bbox };
  const fit = fitRequest ?? sortieFit;

  const popupCtx: PopupContext = { t, intl, unit, simulated };
  const popups: PopupBuilders = {
    detection: (d) => {
      // The detection clicked is the one a lead's evidence can link to.
      if (selectedId !== null) setSelectedDetection({ ...d, sortieId: selectedId });
      return detectionPopup(popupCtx, d);
    },
    hazard: (h) => hazardPopup(popupCtx, h),
    source: (n) => {
      const s = estimate?.sources[n - 1];
      if (s === undefined) return sourcePopup(popupCtx, n, []);
      return sourcePopup(popupCtx, n, [
        [t('sources.position'), formatLatLon(s.lat, s.lon)],
        [t('sources.radius'), `${formatSignificant(intl, s.positionCi95M, 2)} m`],
        [t('sources.exists'), formatProbability(intl, s.probability)],
        [t('sources.lab'), formatProbability(intl, s.labProbability)],
      ]);
    },
  };

  const runLocate = useCallback(() => {
    if (selectedId === null) return;
    setStarting(true);
    setJobError(null);
    client.locate(selectedId).then(
      (j) => {
        jobs.put(j);
        setStarting(false);
      },
      (err: unknown) => {
        setJobError(errorText(t, err));
        setStarting(false);
      },
    );
  }, [client, selectedId, jobs, t]);

  const onDelete = useCallback(
    (s: Sortie) => {
      if (!window.confirm(t('sorties.confirmDelete', { name: s.name }))) return;
      client.deleteSortie(s.id).then(
        () => sorties.remove(s.id),
        (err: unknown) => setAlert(errorText(t, err)),
      );
    },
    [client, sorties, t],
  );

  const onUploaded = useCallback(
    (s: Sortie) => {
      sorties.upsert(s);
      setSelectedId(s.id);
      // The upload queued a localisation: pick it up even if its live message came first.
      client.jobs(s.id).then(
        (list) => list.forEach((j) => jobs.put(j)),
        () => undefined,
      );
    },
    [sorties, client, jobs],
  );

  const selectSource = useCallback((n: number) => setSelectedSource(n), []);
  // Under the player, and with the leads' legend, the legend stands on the map's right, clear of the layer list.
  const legendRight = video.open !== null || tab === 'leads';
  const detailSource = selectedSource === null ? undefined : estimate?.sources[selectedSource - 1];
  const coverageSource = detailSource === undefined || selectedSource === null ? null : { n: selectedSource, lat: detailSource.lat, lon: detailSource.lon };

  const startLeadDraft = leads.startDraft;
  const createLead = useCallback(
    (n: number) => {
      const s = estimate?.sources[n - 1];
      if (selectedId === null || estimate === null || s === undefined) return;
      startLeadDraft({ kind: 'source', sortieId: selectedId, jobId: estimate.jobId, sourceIndex: n - 1, lat: s.lat, lon: s.lon });
      setTab('leads');
    },
    [selectedId, estimate, startLeadDraft],
  );

  // What a piece of a lead's evidence can point at: the selected source, the detection clicked, the open video's annotations.
  const annotationList = video.annotations.list;
  const evidenceLinks = useMemo<EvidenceLink[]>(() => {
    const out: EvidenceLink[] = [];
    if (selectedId !== null && estimate !== null && selectedSource !== null && detailSource !== undefined) {
      out.push({ kind: 'source-estimate', ref: `${selectedId}:${estimate.jobId}:${selectedSource - 1}`, label: t('evidence.linkSource', { n: selectedSource, sortie: sortie?.name ?? selectedId }) });
    }
    if (selectedDetection !== null) {
      out.push({
        kind: 'detection',
        ref: `${selectedDetection.sortieId}:${selectedDetection.species}:${selectedDetection.peakS}`,
        label: t('evidence.linkDetection', { species: selectedDetection.species, time: new Date(selectedDetection.peakS * 1000).toISOString().slice(11, 19) }),
      });
    }
    if (video.open !== null) {
      for (const a of annotationList ?? []) {
        out.push({ kind: 'video-annotation', ref: a.id, label: `${video.open.name} ${formatDuration(a.tS)}: ${a.text === '' ? a.id : a.text.slice(0, 40)}` });
      }
    }
    return out;
  }, [selectedId, estimate, selectedSource, detailSource, sortie?.name, selectedDetection, video.open, annotationList, t]);

  const labelScope = useMemo<LabelScope>(
    () => ({ clearance: session.clearance, accesses: session.accesses, organisation: session.organisation, ownCountry: p.appConfig.ownCountry }),
    [session.clearance, session.accesses, session.organisation, p.appConfig.ownCountry],
  );

  return (
    <LabelScopeContext.Provider value={labelScope}>
    <div className="workspace">
      <a href="#map-region" className="skip-link">
        {t('app.skipToMap')}
      </a>
      <Header session={session} live={liveStatus} basemap={basemap} demo={p.appConfig.demo} onSignOut={p.onSignOut} />
      {basemap?.kind === 'pmtiles-failed' && (
        <div className="banner warning" role="alert">
          {t('basemap.pmtilesFailed', { message: basemap.message })}
        </div>
      )}
      {alert !== null && (
        <div className="banner error" role="alert">
          {alert}{' '}
          <button type="button" className="small" onClick={() => setAlert(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {sorties.error !== null && (
        <div className="banner error" role="alert">
          {errorText(t, sorties.error)}{' '}
          <button type="button" className="small" onClick={sorties.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <div className={`columns${tab === 'sorties' ? '' : ` ${tab}`}`}>
        <aside className="sidebar left">
          <SidebarTabs
            tab={tab}
            onTab={setTab}
            panels={{
              sorties: (
                <>
                  {analyst && <UploadPanel client={client} onUploaded={onUploaded} />}
                  <SortieList sorties={sorties.sorties} jobs={jobs.bySortie} selected={selectedId} canDelete={analyst} onSelect={setSelectedId} onDelete={onDelete} />
                </>
              ),
              flight: (
                <FlightPanel
                  client={client}
                  flight={flight}
                  canPlan={planner}
                  admin={admin}
                  sortie={sortie}
                  sortieWind={sortieWind}
                  viewBounds={getViewBounds}
                  onZoomAuthority={zoomAuthority}
                  onShow={show}
                  onPlanOpened={onPlanOpened}
                  onDeletePlan={onDeletePlan}
                  onAlert={setAlert}
                />
              ),
              video: (
                <VideoPanel
                  client={client}
                  video={video}
                  canUpload={analyst}
                  canDelete={admin}
                  source={coverageSource}
                  onUploaded={onVideoUploaded}
                  onOpen={openVideo}
                  onDelete={onDeleteVideo}
                />
              ),
              leads: <LeadsPanel client={client} leads={leads} canWrite={leadWriter} sortieSimulated={sortieSimulated} />,
              ...(networkReader ? { network: <NetworkPanel network={network} canWrite={networkWriter} canAnalyse={analyst} /> } : {}),
              ...(translator ? { translate: <TranslationPanel tr={translation} canSaveToLead={leadWriter} /> } : {}),
              ...(admin ? { admin: <UsersPanel client={client} /> } : {}),
            }}
          />
        </aside>
        <main className="map-column" id="map-region" tabIndex={-1}>
          {video.open !== null && (
            <VideoPlayer
              key={video.open.id}
              video={video.open}
              frames={video.frames.frames}
              framesError={video.frames.error}
              seekRequest={video.seekRequest}
              onTime={video.onPlayerTime}
              annotations={video.annotations.list ?? []}
              pick={video.pick}
              motion={video.motion}
              onClose={closeVideo}
            />
          )}
          {tab === 'network' && networkReader && <NetworkView network={network} canWrite={networkWriter} onOpenLead={openLeadFromNetwork} />}
          {tab === 'translate' && translator && <TranslationView tr={translation} canSaveToLead={leadWriter} />}
          <div className={`map-wrap${video.open !== null ? ' with-video' : ''}${legendRight ? ' legend-right' : ''}`}>
            <Suspense fallback={<div className="map-placeholder">{t('common.loading')}</div>}>
              <MapView
                pmtilesUrl={p.appConfig.pmtilesUrl}
                overlays={overlays}
                flight={flight.overlays}
                draw={flight.drawBinding}
                video={video.overlays}
                videoInput={video.mapInput}
                leads={leads.overlays}
                leadInput={leads.mapInput}
                selectedLead={leads.openId}
                onViewBounds={onViewBounds}
                timeS={trackTime}
                drone={drone}
                visible={visible}
                fit={fit}
                legendRight={legendRight}
                focus={focus}
                selectedSource={selectedSource}
                onSelectSource={selectSource}
                onBasemap={setBasemap}
                popups={popups}
                label={t('map.label')}
                webglMissing={t('map.webglMissing')}
                network={tab === 'network' && networkReader ? network.mapPoints : null}
                onNetworkEntity={onNetworkEntity}
              />
            </Suspense>
            <MapControls
              species={sortie?.species ?? []}
              selectedSpecies={species}
              onSpecies={setSpeciesKey}
              unit={unit}
              onUnit={setUnit}
              visible={visible}
              onToggle={(g) => setVisible((v) => ({ ...v, [g]: !v[g] }))}
            />
            {simulated && (
              <div className="map-simulated" data-testid="map-simulated">
                <SimulatedBadge /> {t('simulated.banner')}
              </div>
            )}
            {sortie === null && openPlan === null && video.open === null && flight.draw.mode === null && !video.coverage.picking && !leads.picking && tab !== 'network' && <div className="map-hint">{t('map.noSortie')}</div>}
            {leads.picking && (
              <div className="map-hint" role="status" data-testid="lead-map-hint">
                {t('leads.pickHelp')}
              </div>
            )}
            {video.coverage.picking && (
              <div className="map-hint" role="status" data-testid="coverage-map-hint">
                {t('coverage.pickHelp')}
              </div>
            )}
            {sortie !== null && data.loading && <div className="map-hint">{t('map.loadingSortie')}</div>}
            <Legend species={species} unit={unit} stops={visible.track ? track.stops : null} showHazards={visible.hazards && (estimate?.zones.length ?? 0) > 0}>
              <AirspaceLegend
                authority={visible.airspace && flight.authorities.detail !== null ? flight.authorities.selected : null}
                plan={visible.plan && openPlan !== null}
                violations={visible.plan && (openPlan?.check?.violations.length ?? 0) > 0}
                excursions={visible.track && (flight.track.result?.excursions.length ?? 0) > 0}
                vehicles={visible.vehicles && (flight.vehicles.state?.vehicles.length ?? 0) > 0}
              />
              {visible.leads && tab === 'leads' && (leads.page?.leads.length ?? 0) > 0 && <LeadLegend />}
              {visible.video && <VideoLegend name={video.frames.frames === null ? null : (video.open?.name ?? null)} marks={video.overlays.marks.features.length > 0} />}
            </Legend>
          </div>
          {range !== null && <TimeSlider range={range} playback={playback} />}
          <div className="plot-bar">
            <button type="button" aria-expanded={plotOpen} aria-controls="plot-drawer" onClick={() => setPlotOpen((o) => !o)} disabled={samples === null} data-testid="plot-toggle">
              {plotOpen ? t('plot.close') : t('plot.open')}
            </button>
          </div>
          {plotOpen && sortie !== null && samples !== null && (
            <div id="plot-drawer" className="plot-drawer">
              <ConcentrationPlotSlot
                name={sortie.name}
                simulated={simulated}
                samples={samples}
                speciesOrder={speciesOrder}
                detections={data.detections}
                unit={unit}
                timeS={playback.timeS}
              />
            </div>
          )}
        </main>
        <aside className="sidebar right">
          {leads.openId !== null && (
            <LeadDetailPanel
              client={client}
              leads={leads}
              canWrite={leadWriter}
              simulated={leads.detail?.source != null && sortieSimulated(leads.detail.source.sortieId)}
              links={evidenceLinks}
              onShow={show}
              {...(networkReader ? { onShowEntity: showEntityOnChart } : {})}
            />
          )}
          {video.open !== null && <VideoClipPanel video={video} session={session} sortieId={selectedId} onShow={show} />}
          {openPlan !== null && (
            <PlanDetailPanel
              client={client}
              plan={openPlan}
              authorities={flight.authorities.list ?? []}
              selectedAuthority={flight.authorities.selected}
              canChange={planner}
              admin={admin}
              onShow={show}
              onUpdated={plans.show}
              onClose={plans.close}
            />
          )}
          {sortie !== null && <JobStatus job={job} canRun={analyst} starting={starting} error={jobError} onRun={runLocate} />}
          {detailSource !== undefined && selectedSource !== null && (
            <SourceDetail
              n={selectedSource}
              source={detailSource}
              simulated={simulated}
              onZoom={() => setFocus((f) => ({ key: (f?.key ?? 0) + 1, lon: detailSource.lon, lat: detailSource.lat }))}
              onClose={() => setSelectedSource(null)}
            />
          )}
          <SourceList
            hasSortie={sortie !== null}
            estimate={estimate}
            simulated={simulated}
            selected={selectedSource}
            onSelect={selectSource}
            {...(leadWriter ? { onCreateLead: createLead } : {})}
          />
          {data.error !== null && (
            <p className="error" role="alert">
              {errorText(t, data.error)}
            </p>
          )}
        </aside>
      </div>
    </div>
    </LabelScopeContext.Provider>
  );
}
