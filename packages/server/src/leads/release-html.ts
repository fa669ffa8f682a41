/**
 * A release as a self-contained HTML document in one language: inline CSS,
 * the map as inline SVG (release-map.ts), no script, no external resource.
 * The banner is at the top and the bottom (and, printed, on every page),
 * every paragraph of released content carries its portion mark, and free
 * text shown untranslated or machine-translated says so (a machine
 * translation with its engine and version, and the original beside it).
 * Rendered from the package alone, so it shows nothing the package does
 * not hold.
 */
import type { TextLanguage } from '@nariz/store';
import type { FreeText } from './free-text.js';
import type { ReleasePackage } from './release-package.js';
import { releaseMapSvg } from './release-map.js';
import type { ReleaseTexts } from './release-texts.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 18mm 15mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 52em; margin: 0 auto; padding: 0 1em; }
.simulated { font-weight: bold; color: #8a1c00; border: 2px dashed #8a1c00; padding: 0.4em; text-align: center; }
.banner { font-weight: bold; text-align: center; letter-spacing: 0.04em; padding: 0.25em; margin: 0.6em 0; border: 2px solid #111; }
h1 { font-size: 15pt; margin: 0.8em 0 0.4em; }
h2 { font-size: 12pt; margin: 1.2em 0 0.3em; border-bottom: 1px solid #999; }
.purpose { border-left: 4px solid #a00; padding-left: 0.6em; font-weight: bold; }
.portion { font-weight: bold; margin-right: 0.4em; white-space: nowrap; }
.translation { font-style: italic; color: #555; font-size: 9pt; margin-left: 0.4em; }
.original { display: block; color: #333; font-size: 9pt; margin: 0.15em 0 0 1.2em; }
.legend { color: #444; font-size: 9pt; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
td.num { text-align: right; }
figure { margin: 0.4em 0; }
figcaption { font-size: 9pt; color: #333; }
code { font-size: 8.5pt; word-break: break-all; }
@media print {
  .banner.top { position: fixed; top: -12mm; left: 0; right: 0; }
  .banner.bottom { position: fixed; bottom: -12mm; left: 0; right: 0; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
}
`;

/** The label of a machine translation: "Machine translation (apertium, apertium 3.8.3-1+b2; …), not reviewed". */
const machineLabel = (t: FreeText, texts: ReleaseTexts): string =>
  t.engine === undefined ? texts.machineTranslated.replace(' ({engine})', '') : texts.machineTranslated.replace('{engine}', `${t.engine.id}, ${t.engine.version}`);

function freeText(t: FreeText, texts: ReleaseTexts): string {
  if (t.translation === 'machine-translated') {
    // The translation, its label with the engine, and the original beside it (the package carries both).
    const label = machineLabel(t, texts);
    const original = t.original === undefined ? '' : `<span class="original">${escapeHtml(texts.original[t.original_lang])}: <span lang="${t.original_lang}">${escapeHtml(t.original)}</span></span>`;
    return `<span lang="${t.lang}">${escapeHtml(t.text)}</span><span class="translation">[${escapeHtml(label)}]</span>${original}`;
  }
  const label = t.translation === 'not-translated' ? texts.notTranslated[t.original_lang] : undefined;
  return `<span lang="${t.lang}">${escapeHtml(t.text)}</span>${label === undefined ? '' : `<span class="translation">[${escapeHtml(label)}]</span>`}`;
}

const when = (iso: string | null, texts: ReleaseTexts): string => (iso === null ? texts.notKnown : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);
const significant = (x: number): string => String(Number(x.toPrecision(3)));

/** The line a preview carries instead of a digest: it is not a release and nothing was stored. */
export const PREVIEW_TEXTS: Readonly<Record<TextLanguage, string>> = {
  en: 'PREVIEW — not released. Nothing has been sent or stored; the released package gets its own identifier, time and digest.',
  es: 'VISTA PREVIA — no entregada. No se ha enviado ni guardado nada; el paquete entregado tendrá su propio identificador, fecha y huella digital.',
};

/** `sha256` null renders a preview (release-preview): marked as such, with no digest. */
export function releaseHtml(pkg: ReleasePackage, lang: TextLanguage, sha256: string | null): string {
  const v = pkg.versions[lang];
  const t = v.texts;
  const lead = pkg.lead;
  const portion = `<span class="portion">${escapeHtml(lead.portion)}</span>`;
  const banner = escapeHtml(pkg.banner);
  const loc = lead.location;
  const zones = lead.hazard_zone?.features ?? [];
  const zoneRows = zones
    .map((f) => {
      const p = f.properties;
      return `<tr><td>${escapeHtml(t.zoneKind[p.kind])}</td><td>${escapeHtml(p.chemical)}</td><td>${escapeHtml(p.tier)}</td><td class="num">${significant(p.threshold_ppm)} ppm (${significant(p.threshold_mg_m3)} mg/m³)</td><td class="num">${Math.round(p.max_downwind_m)} m</td></tr>`;
    })
    .join('\n');
  const notes = pkg.notes.map((n, i) => `<li><span class="portion">${escapeHtml(n.portion)}</span>${freeText(v.notes[i]!, t)}</li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${banner} — ${escapeHtml(t.documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner top">${banner}</div>
${sha256 === null ? `<p class="simulated" data-preview="true">${escapeHtml(PREVIEW_TEXTS[lang])}</p>\n` : ''}${pkg.simulated ? `<p class="simulated" data-simulated="true">${escapeHtml(t.simulated)}</p>\n` : ''}<h1>${escapeHtml(t.documentTitle)}</h1>
<p class="purpose">${escapeHtml(t.purpose)}</p>
<table class="meta">
<tr><th>${escapeHtml(t.release)}</th><td>${escapeHtml(pkg.id)}</td></tr>
<tr><th>${escapeHtml(t.releasedOn)}</th><td>${when(pkg.created_at, t)}</td></tr>
<tr><th>${escapeHtml(t.releasedTo)}</th><td>${escapeHtml(pkg.partner.unit)} (${escapeHtml(pkg.partner.country)})</td></tr>
<tr><th>${escapeHtml(t.releasedBy)}</th><td>${escapeHtml(pkg.released_by.organisation)}</td></tr>
${sha256 === null ? '' : `<tr><th>${escapeHtml(t.packageDigest)}</th><td><code>${sha256}</code></td></tr>`}
</table>
<p class="legend">${escapeHtml(t.portionLegend)}</p>
<h2>${escapeHtml(t.leadSection)}</h2>
<p>${portion}<strong>${escapeHtml(t.title)}:</strong> ${freeText(v.title, t)}</p>
<p>${portion}<strong>${escapeHtml(t.summary)}:</strong> ${freeText(v.summary, t)}</p>
<p>${portion}<strong>${escapeHtml(t.location)}:</strong> ${escapeHtml(t.latitude)} ${loc.lat.toFixed(5)}, ${escapeHtml(t.longitude)} ${loc.lon.toFixed(5)}; ${escapeHtml(t.uncertainty)}: ${loc.ci95_m === null ? escapeHtml(t.notKnown) : `${Math.round(loc.ci95_m)} m`}</p>
<p>${portion}<strong>${escapeHtml(t.labProbability)}:</strong> ${lead.lab_probability === null ? escapeHtml(t.notKnown) : `${Math.round(lead.lab_probability * 100)} %`}; <strong>${escapeHtml(t.detectedAt)}:</strong> ${when(lead.detected_at, t)}</p>
<h2>${escapeHtml(t.mapSection)}</h2>
<figure>
${releaseMapSvg(loc.lat, loc.lon, loc.ci95_m, lead.hazard_zone, t.mapCaption)}
<figcaption>${portion}${escapeHtml(t.mapCaption)}</figcaption>
</figure>
<h2>${escapeHtml(t.hazardSection)}</h2>
${zones.length === 0 ? `<p>${portion}${escapeHtml(t.hazardNone)}</p>` : `<p>${portion}${escapeHtml(t.hazardIntro)}</p>
<table>
<tr><th>${escapeHtml(t.zone)}</th><th>${escapeHtml(t.chemical)}</th><th>${escapeHtml(t.tier)}</th><th>${escapeHtml(t.thresholdConcentration)}</th><th>${escapeHtml(t.reach)}</th></tr>
${zoneRows}
</table>`}
<h2>${escapeHtml(t.notesSection)}</h2>
${pkg.notes.length === 0 ? `<p>${escapeHtml(t.notesNone)}</p>` : `<ol>\n${notes}\n</ol>`}
<div class="banner bottom">${banner}</div>
</body>
</html>
`;
}
