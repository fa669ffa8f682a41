/**
 * Exchange applies @nariz/security's marking rules and has none of its own:
 * its banners and portion marks are security's text, and it refuses or
 * includes a portion exactly as security's `releasableTo` says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoTParser } from '@tak-ps/node-cot';
import { createRng, isNarizError, type Rng } from '@nariz/core';
import {
  MULTIPLE_ORIGINATORS, bannerMarking, combine, formatBanner, makeMarking, portionMarking, releasableTo, securityPolicy,
  type Classification, type Marking,
} from '@nariz/security';
import {
  ACS_EXTENSION_ID, acsOriginator, assertReleasable, cotEvents, markedPortions, stixBundle,
  type ReleasePackage, type StixBundle, type StixMarkingDefinition,
} from '../src/index.js';
import { POLICY, fixturePackage, marking } from './release-fixture.js';

/** Every content portion of a package (all marked portions but the banner). */
function contentMarkings(pkg: ReleasePackage): Marking[] {
  return markedPortions(pkg).filter((p) => p.path !== 'marking').map((p) => p.marking);
}

/** The ACS definition the STIX report is marked with: the package banner as exported. */
function reportBanner(b: StixBundle): StixMarkingDefinition {
  const report = b.objects.find((o) => o.type === 'report');
  const ref = report?.object_marking_refs?.[1];
  const def = b.objects.find((o) => o.id === ref);
  assert.ok(def !== undefined && def.type === 'marking-definition');
  return def;
}

function refusal(f: () => unknown): { path: string | undefined; message: string } | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    assert.ok(isNarizError(e, 'NARIZ_EXPORT_MARKING'), String(e));
    return { path: e.location?.path, message: e.message };
  }
}

/** Replaces every content marking of the fixture package, in markedPortions order. */
function withMarkings(next: () => Marking, overrides: Partial<ReleasePackage> = {}): ReleasePackage {
  const base = fixturePackage();
  const text = (t: NonNullable<ReleasePackage['texts']['es']>): NonNullable<ReleasePackage['texts']['es']> => ({
    title: { ...t.title, marking: next() },
    summary: { ...t.summary, marking: next() },
  });
  const texts = { es: text(base.texts.es!), en: text(base.texts.en!) };
  const leads = base.leads.map((l) => {
    const m = next();
    return { ...l, marking: m, notes: l.notes.map((n) => ({ ...n, marking: next() })) };
  });
  const draft = { ...base, texts, leads };
  return { ...draft, marking: combine(contentMarkings(draft), POLICY), ...overrides };
}

const FOREIGN = ['CAN', 'COL', 'MEX'];
const ORIGINATORS = ['USA.NARIZTF', 'MEX.FGR', 'Nariz task force'];

/** A random valid marking over controls ACS can carry (FOUO on U only, NOFORN or REL TO or neither). */
function randomMarking(rng: Rng): Marking {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform(0, xs.length))]!;
  const classification = pick<Classification>(['U', 'C', 'S', 'TS']);
  const controls: string[] = [];
  if (classification === 'U' && rng.uniform(0, 1) < 0.3) controls.push('FOUO');
  if (rng.uniform(0, 1) < 0.2) controls.push('LES');
  const r = rng.uniform(0, 1);
  let relTo: string[] = [];
  if (r < 0.15) controls.push('NOFORN');
  else if (r > 0.25) relTo = FOREIGN.filter(() => rng.uniform(0, 1) < 0.75);
  return makeMarking({ classification, controls, relTo, originator: pick(ORIGINATORS) }, POLICY);
}

test("exchange's banner for a package is security's bannerMarking over the same portions", () => {
  const pkg = fixturePackage();
  const portions = contentMarkings(pkg);
  const expected = bannerMarking(portions, POLICY);
  assert.equal(expected, 'CONFIDENTIAL//REL TO USA, MEX');
  const b = stixBundle(pkg);
  const banner = reportBanner(b);
  assert.equal(banner.name, expected);
  assert.equal((banner.extensions[ACS_EXTENSION_ID] as { name: string }).name, expected);
  // Every ACS definition is named by security's banner text for its marking.
  const names = b.objects.filter((o) => o.type === 'marking-definition' && ACS_EXTENSION_ID in o.extensions).map((o) => o.type === 'marking-definition' ? o.name : '');
  assert.deepEqual(new Set(names), new Set(markedPortions(pkg).map((p) => formatBanner(p.marking, POLICY))));
  // CoT: the <nariz> banner and each remarks line's portion mark are security's.
  const [lab] = cotEvents(pkg);
  const cot = CoTParser.from_xml(lab!.xml);
  const lead = pkg.leads[0]!;
  assert.match(lab!.xml, new RegExp(`banner="${formatBanner(lead.marking, POLICY).replace(/[/]/g, '\\/')}"`));
  const lines = String(cot.raw.event.detail?.remarks?._text).split('\n');
  assert.ok(lines[0]!.startsWith(`${portionMarking(lead.marking, POLICY)} `));
  assert.ok(lines[2]!.startsWith(`${portionMarking(lead.notes[2]!.marking, POLICY)} `));
  // Security's spelling, not the interim one: NOFORN spelled out, LES in its own category.
  assert.equal(portionMarking(marking('S', [], ['NOFORN']), POLICY), '(S//NOFORN)');
  assert.equal(formatBanner(marking('C', ['MEX', 'USA'], ['LES']), POLICY), 'CONFIDENTIAL//REL TO USA, MEX//LES');

  // Seeded property: random packages releasable to MEX, banner = combine(portions) as a producer makes it.
  const rng = createRng(2027);
  let exported = 0;
  for (let i = 0; i < 300; i++) {
    const toMex = (): Marking => {
      for (;;) {
        const m = randomMarking(rng);
        if (releasableTo(m, 'MEX', POLICY)) return m;
      }
    };
    const p = withMarkings(toMex);
    const bundle = stixBundle(p);
    assert.equal(reportBanner(bundle).name, bannerMarking(contentMarkings(p), POLICY), `package ${i}`);
    // A banner raised above what the portions need is kept as given, and security's banner over it and them is the same text.
    const raised = { ...p, marking: { ...p.marking, classification: 'TS' as const, controls: p.marking.controls.filter((c) => c !== 'FOUO') } };
    const high = reportBanner(stixBundle(raised)).name;
    assert.equal(high, formatBanner(raised.marking, POLICY));
    assert.equal(high, bannerMarking([raised.marking, ...contentMarkings(raised)], POLICY));
    // The ACS originator of a mixed-originator banner is left out ("unspecified"), never invented.
    const acs = reportBanner(bundle).extensions[ACS_EXTENSION_ID] as { responsible_entity_originator?: string };
    assert.equal(acs.responsible_entity_originator, acsOriginator(p.marking.originator, POLICY));
    exported++;
  }
  assert.equal(exported, 300);
});

test('NOFORN and REL TO intersections: refused or included exactly as security\'s releasableTo says', () => {
  const base = fixturePackage();
  const withNote = (m: Marking, overrides: Partial<ReleasePackage> = {}): ReleasePackage => {
    const lead = base.leads[0]!;
    const note = { text: 'nota', lang: 'es' as const, marking: m, machineTranslated: false };
    return { ...base, leads: [{ ...lead, notes: [...lead.notes, note] }, base.leads[1]!], ...overrides };
  };
  const notePath = `leads[0].notes[${base.leads[0]!.notes.length}].marking`;
  const cases: Array<[string, ReleasePackage, string | undefined]> = [
    ['REL TO the partner', withNote(marking('C', ['USA', 'MEX'])), undefined],
    ['REL TO the partner and more', withNote(marking('C', ['USA', 'CAN', 'MEX'])), undefined],
    ['REL TO others only', withNote(marking('C', ['USA', 'COL'])), notePath],
    ['NOFORN', withNote(marking('C', [], ['NOFORN'])), notePath],
    ['no REL TO, even unclassified (M8)', withNote(marking('U', [])), notePath],
    ['NOFORN banner', fixturePackage({ marking: marking('C', [], ['NOFORN']) }), 'marking'],
    ['NOFORN to an own-country unit', withNote(marking('C', [], ['NOFORN']), { marking: marking('C', [], ['NOFORN']), partner: { country: 'USA', unit: 'DEA' } }), undefined],
  ];
  // Two portions whose REL TO lists meet in USA and MEX (B4): MEX gets them under that banner, CAN and COL get nothing.
  const a = marking('C', ['USA', 'MEX', 'CAN']);
  const b = marking('C', ['USA', 'MEX', 'COL']);
  const both = (country: string): ReleasePackage => {
    const p = withNote(a);
    const lead = p.leads[0]!;
    const note = { ...lead.notes.at(-1)!, marking: b };
    const leads = [{ ...lead, notes: [...lead.notes, note] }, p.leads[1]!];
    return { ...p, leads, marking: combine(contentMarkings({ ...p, leads }), POLICY), partner: { country, unit: 'x' } };
  };
  assert.equal(formatBanner(both('MEX').marking, POLICY), 'CONFIDENTIAL//REL TO USA, MEX');
  cases.push(['REL TO intersection, to MEX', both('MEX'), undefined], ['REL TO intersection, to CAN', both('CAN'), 'marking'], ['REL TO intersection, to COL', both('COL'), 'marking']);
  // A banner releasing to CAN is wider than the first portion not REL TO CAN (the fixture's title).
  cases.push(['banner wider than a portion', { ...both('MEX'), marking: marking('C', ['USA', 'CAN', 'MEX']) }, 'texts.es.title.marking']);

  for (const [why, pkg, path] of cases) {
    const notReleasable = markedPortions(pkg).find((p) => !releasableTo(p.marking, pkg.partner.country, POLICY));
    const r = refusal(() => assertReleasable(pkg));
    assert.equal(r?.path, path, `${why}: ${r?.message}`);
    if (why !== 'banner wider than a portion') {
      assert.equal(r?.path, notReleasable?.path, `${why}: releasableTo`);
      if (r !== undefined) assert.match(r.message, new RegExp(`is not releasable to ${pkg.partner.country}$`), why);
    } else {
      assert.match(r!.message, /above the banner/);
    }
    assert.deepEqual(refusal(() => cotEvents(pkg)), r, `${why}: CoT`);
    assert.deepEqual(refusal(() => stixBundle(pkg)), r, `${why}: STIX`);
  }

  // Seeded property: with the banner security computes, a package is refused exactly when a
  // portion is not releasableTo the partner, at the first such portion, by both exporters.
  const rng = createRng(42);
  let refused = 0;
  for (let i = 0; i < 400; i++) {
    const country = ['MEX', 'CAN', 'COL', 'USA'][i % 4]!;
    const pkg = withMarkings(() => randomMarking(rng), { partner: { country, unit: 'x' } });
    const first = markedPortions(pkg).find((p) => !releasableTo(p.marking, country, POLICY));
    const r = refusal(() => assertReleasable(pkg));
    assert.equal(r?.path, first?.path, `package ${i} to ${country}: ${r?.message}`);
    if (r !== undefined) {
      refused++;
      assert.match(r.message, /is not releasable to/);
    }
    assert.deepEqual(refusal(() => cotEvents(pkg)), r);
    assert.deepEqual(refusal(() => stixBundle(pkg)), r);
  }
  assert.ok(refused > 100 && refused < 350, `${refused} of 400 refused`);
});

test('ACS originator tokens derive from security\'s originator; the policy and canonical markings are checked', () => {
  assert.equal(acsOriginator('USA.NARIZTF', POLICY), 'USA.NARIZTF');
  assert.equal(acsOriginator('mex.fgr', POLICY), 'MEX.FGR');
  assert.equal(acsOriginator('USA.DHS.US-CERT', POLICY), 'USA.DHS.US-CERT');
  assert.equal(acsOriginator('Nariz task force', POLICY), 'USA.NARIZTASKFORCE');
  assert.equal(acsOriginator('Fiscalía General', POLICY), 'USA.FISCALIAGENERAL');
  assert.equal(acsOriginator('NARIZ.TF', POLICY), 'USA.NARIZTF', 'NARIZ is not a country code');
  assert.equal(acsOriginator('SEMAR', securityPolicy('MEX')), 'MEX.SEMAR');
  assert.equal(acsOriginator(MULTIPLE_ORIGINATORS, POLICY), undefined);
  assert.throws(() => acsOriginator('— —', POLICY), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING'));

  // The own country is the policy's, not a constant: a Mexican deployment writes MEX first.
  const mex = securityPolicy('MEX');
  const m = (c: Classification): Marking => makeMarking({ classification: c, controls: [], relTo: ['USA'], originator: 'SEMAR' }, mex);
  const base = fixturePackage();
  const mexPkg: ReleasePackage = {
    ...base,
    policy: mex,
    organisation: { ...base.organisation, country: 'MEX', acsToken: 'SEMAR' },
    partner: { country: 'USA', unit: 'JIATF' },
    marking: m('C'),
    texts: { es: { title: { ...base.texts.es!.title, marking: m('U') }, summary: { ...base.texts.es!.summary, marking: m('C') } } },
    leads: base.leads.map((l) => ({ ...l, marking: m('C'), notes: l.notes.map((n) => ({ ...n, marking: m('U') })) })),
  };
  const banner = reportBanner(stixBundle(mexPkg));
  assert.equal(banner.name, 'CONFIDENTIAL//REL TO MEX, USA');
  assert.deepEqual(banner.extensions[ACS_EXTENSION_ID], {
    ...(banner.extensions[ACS_EXTENSION_ID] as object),
    responsible_entity_custodian: 'MEX.SEMAR',
    responsible_entity_originator: 'MEX.SEMAR',
    control_set: { classification: 'C', permitted_nationalities: ['MEX', 'USA'] },
  });
  assert.match(cotEvents(mexPkg)[0]!.xml, /relTo="MEX USA"/);

  // The policy must be canonical and be the releasing organisation's country.
  const mismatch = refusal(() => stixBundle({ ...base, policy: mex }));
  assert.equal(mismatch?.path, 'organisation.country');
  assert.equal(refusal(() => cotEvents({ ...base, policy: { ownCountry: 'usa' } }))?.path, 'policy.ownCountry');
  assert.equal(refusal(() => cotEvents({ ...base, policy: { ownCountry: 'XXX' } }))?.path, 'policy.ownCountry');
  // Markings must be security's canonical form (NARIZ_MARKING naming the field): hand-built ones are not trusted.
  const unsorted: Marking = { classification: 'C', controls: [], relTo: ['USA', 'MEX'], originator: 'USA.NARIZTF' };
  assert.throws(() => stixBundle({ ...base, marking: unsorted }), (e: unknown) => isNarizError(e, 'NARIZ_MARKING') && e.location?.path === 'marking');
  const foouoOnC: Marking = { classification: 'C', controls: ['FOUO'], relTo: ['MEX', 'USA'], originator: 'USA.NARIZTF' };
  const leads = [{ ...base.leads[0]!, marking: foouoOnC }, base.leads[1]!];
  assert.throws(() => cotEvents({ ...base, leads }), (e: unknown) => isNarizError(e, 'NARIZ_MARKING') && e.location?.path === 'leads[0].marking.controls[0]');
});
