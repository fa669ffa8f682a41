/**
 * The fixed texts of a release, in every language a release is made in:
 * the reviewed catalogue. Every language must give every key (a missing
 * one does not compile), and a package carries the texts it was rendered
 * with, so a later edit here never changes a release already made.
 * Free text (titles, summaries, notes) is not here: it travels in the
 * language it was written in (free-text.ts).
 *
 * Markings (banners, portion marks) are never translated: they are CAPCO
 * text and must read the same to everyone who handles the document.
 */
import type { LeadStatus, OutcomeKind, TextLanguage } from '@nariz/store';
import type { HazardZoneProperties } from './estimate-source.js';

export interface ReleaseTexts {
  readonly documentTitle: string;
  /** Shown under the banner when the lead comes from simulated data (an exercise). */
  readonly simulated: string;
  readonly purpose: string;
  readonly portionLegend: string;
  readonly release: string;
  readonly releasedOn: string;
  readonly releasedTo: string;
  readonly releasedBy: string;
  readonly packageDigest: string;
  readonly leadSection: string;
  readonly title: string;
  readonly summary: string;
  readonly location: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly uncertainty: string;
  readonly labProbability: string;
  readonly detectedAt: string;
  readonly notKnown: string;
  readonly mapSection: string;
  readonly mapCaption: string;
  readonly hazardSection: string;
  readonly hazardIntro: string;
  readonly hazardNone: string;
  readonly zone: string;
  readonly chemical: string;
  readonly tier: string;
  readonly thresholdConcentration: string;
  readonly reach: string;
  readonly zoneKind: Readonly<Record<HazardZoneProperties['kind'], string>>;
  readonly notesSection: string;
  readonly notesNone: string;
  /** The label of free text shown untranslated, by the language it is written in. */
  readonly notTranslated: Readonly<Record<TextLanguage, string>>;
  /** The label of a machine translation; `{engine}` stands for the engine and its version (never translated). */
  readonly machineTranslated: string;
  /** The label of the original shown beside a machine translation, by the language it is written in. */
  readonly original: Readonly<Record<TextLanguage, string>>;
  readonly languageName: Readonly<Record<TextLanguage, string>>;
  readonly status: Readonly<Record<LeadStatus, string>>;
  readonly outcome: Readonly<Record<OutcomeKind, string>>;
  readonly arrests: string;
  readonly seizures: string;
}

export const RELEASE_TEXTS: Readonly<Record<TextLanguage, ReleaseTexts>> = {
  en: {
    documentTitle: 'Release to a partner authority: suspected clandestine laboratory',
    simulated: 'SIMULATED — exercise data, not a real detection. Do not act on it.',
    purpose:
      'This information is released so that the receiving authority can locate and dismantle a clandestine drug laboratory. It must not be used to target individuals.',
    portionLegend: 'The marking in parentheses before each paragraph gives that paragraph’s classification; the banner gives the whole document’s.',
    release: 'Release',
    releasedOn: 'Released on',
    releasedTo: 'Released to',
    releasedBy: 'Released by',
    packageDigest: 'Package SHA-256',
    leadSection: 'Suspected laboratory',
    title: 'Title',
    summary: 'Summary',
    location: 'Location (WGS 84)',
    latitude: 'Latitude',
    longitude: 'Longitude',
    uncertainty: 'Position uncertainty (95 % radius)',
    labProbability: 'Probability that the site is a laboratory',
    detectedAt: 'First detected',
    notKnown: 'not known',
    mapSection: 'Map',
    mapCaption: 'Suspected laboratory (cross), 95 % position circle (dashed) and hazard zones. North is up.',
    hazardSection: 'Hazard zones for the raid team',
    hazardIntro:
      'Where the concentration of a release from the site could exceed each threshold (an upper estimate). Personnel without respiratory protection should stay outside these zones.',
    hazardNone: 'No hazard zone was computed for this site.',
    zone: 'Zone',
    chemical: 'Chemical',
    tier: 'Threshold',
    thresholdConcentration: 'Threshold concentration',
    reach: 'Reaches downwind',
    zoneKind: { footprint: 'Mean wind', 'direction-uncertainty': 'Wind direction uncertainty' },
    notesSection: 'Notes',
    notesNone: 'No notes.',
    notTranslated: { en: 'Not translated (original in English)', es: 'Not translated (original in Spanish)' },
    machineTranslated: 'Machine translation ({engine}), not reviewed',
    original: { en: 'Original in English', es: 'Original in Spanish' },
    languageName: { en: 'English', es: 'Spanish' },
    status: {
      candidate: 'Candidate', confirmed: 'Confirmed', released: 'Released', acknowledged: 'Acknowledged', 'action-taken': 'Action taken',
      'outcome-reported': 'Outcome reported', closed: 'Closed',
    },
    outcome: { dismantled: 'Laboratory dismantled', 'nothing-found': 'Nothing found', other: 'Other' },
    arrests: 'Arrests',
    seizures: 'Seizures',
  },
  es: {
    documentTitle: 'Entrega a una autoridad contraparte: presunto laboratorio clandestino',
    simulated: 'SIMULADO — datos de ejercicio, no una detección real. No actúe con base en ellos.',
    purpose:
      'Esta información se entrega para que la autoridad receptora pueda localizar y desmantelar un laboratorio clandestino de drogas. No debe utilizarse para señalar ni perseguir a personas.',
    portionLegend: 'La marca entre paréntesis antes de cada párrafo indica la clasificación de ese párrafo; el encabezado, la del documento completo.',
    release: 'Entrega',
    releasedOn: 'Fecha de entrega',
    releasedTo: 'Destinatario',
    releasedBy: 'Entregado por',
    packageDigest: 'SHA-256 del paquete',
    leadSection: 'Presunto laboratorio',
    title: 'Título',
    summary: 'Resumen',
    location: 'Ubicación (WGS 84)',
    latitude: 'Latitud',
    longitude: 'Longitud',
    uncertainty: 'Incertidumbre de la posición (radio al 95 %)',
    labProbability: 'Probabilidad de que el lugar sea un laboratorio',
    detectedAt: 'Primera detección',
    notKnown: 'no se conoce',
    mapSection: 'Mapa',
    mapCaption: 'Presunto laboratorio (cruz), círculo de posición al 95 % (discontinuo) y zonas de peligro. El norte está arriba.',
    hazardSection: 'Zonas de peligro para el equipo de intervención',
    hazardIntro:
      'Zonas donde la concentración de una emisión desde el lugar podría superar cada umbral (estimación superior). El personal sin protección respiratoria debe permanecer fuera de ellas.',
    hazardNone: 'No se calculó ninguna zona de peligro para este lugar.',
    zone: 'Zona',
    chemical: 'Sustancia',
    tier: 'Umbral',
    thresholdConcentration: 'Concentración umbral',
    reach: 'Alcance en la dirección del viento',
    zoneKind: { footprint: 'Viento medio', 'direction-uncertainty': 'Incertidumbre en la dirección del viento' },
    notesSection: 'Notas',
    notesNone: 'Sin notas.',
    notTranslated: { en: 'Sin traducir (original en inglés)', es: 'Sin traducir (original en español)' },
    machineTranslated: 'Traducción automática ({engine}), sin revisar',
    original: { en: 'Original en inglés', es: 'Original en español' },
    languageName: { en: 'inglés', es: 'español' },
    status: {
      candidate: 'Candidato', confirmed: 'Confirmado', released: 'Entregado', acknowledged: 'Recepción confirmada', 'action-taken': 'Intervención realizada',
      'outcome-reported': 'Resultado informado', closed: 'Cerrado',
    },
    outcome: { dismantled: 'Laboratorio desmantelado', 'nothing-found': 'No se encontró nada', other: 'Otro' },
    arrests: 'Detenciones',
    seizures: 'Aseguramientos',
  },
};
