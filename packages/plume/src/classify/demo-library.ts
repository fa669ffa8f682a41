/**
 * DEMO signature library: ILLUSTRATIVE NUMBERS, NOT FIELD-VALIDATED.
 *
 * The fractions are plausible orders of magnitude chosen to exercise the
 * classifier (a lab vents a solvent pair plus acid gas; a paint shop is
 * toluene-heavy; fuel/solvent users emit acetone; traffic emits aromatics
 * with little acetone and no HCl). They are not derived from emission
 * measurements and must be replaced by a calibrated library before any
 * operational use. See docs/science/detection-and-classification.md.
 */
import { parseSignatureLibrary, type SignatureLibrary } from './library.js';

export const DEMO_SIGNATURE_LIBRARY: SignatureLibrary = parseSignatureLibrary({
  version: 'demo-0.1 (illustrative, not field-validated)',
  profiles: [
    {
      id: 'lab',
      label: { en: 'Clandestine drug laboratory', es: 'Laboratorio clandestino de drogas' },
      kind: 'target',
      massFractions: { acetone: 0.45, toluene: 0.35, hcl: 0.2 },
      ratioLogSd: 0.5,
    },
    {
      id: 'paint_shop',
      label: { en: 'Paint or body shop', es: 'Taller de pintura' },
      kind: 'decoy',
      massFractions: { acetone: 0.15, toluene: 0.85, hcl: 0 },
      ratioLogSd: 0.5,
    },
    {
      id: 'solvent_use',
      label: { en: 'Fuel or solvent use (acetone)', es: 'Uso de combustible o disolvente (acetona)' },
      kind: 'decoy',
      massFractions: { acetone: 1, toluene: 0, hcl: 0 },
      ratioLogSd: 0.5,
    },
    {
      id: 'traffic',
      label: { en: 'Road traffic', es: 'Tráfico vehicular' },
      kind: 'decoy',
      massFractions: { acetone: 0.03, toluene: 0.6, benzene: 0.37 },
      ratioLogSd: 0.5,
    },
  ],
});
