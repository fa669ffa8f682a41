/**
 * Seeded property tests over thousands of random markings and users: the
 * banner never under-marks, REL TO is exactly the intersection, NOFORN
 * wins, nothing leaks through aggregation, redaction or the store's row
 * predicate, and text and JSON forms round-trip.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { createRng, type Rng } from '@nariz/core';
import {
  accessPredicate, canAccess, classificationRank, combine, formatBanner, markingColumns, NOFORN, parseBannerMarking, parseMarking,
  parsePortionMarking, portionMarking, redact, type AccessPredicate, type Marking, type MarkingColumns,
} from '../src/index.js';
import { POLICY, randomMarking, randomSubject } from './markings-factory.js';

const CASES = 5000;

function portions(rng: Rng): Marking[] {
  return Array.from({ length: rng.int(1, 6) }, () => randomMarking(rng));
}

/** Brute force: the countries in every portion's REL TO list (a portion without one contributes the empty list). */
function bruteIntersection(ms: readonly Marking[]): string[] {
  return ['USA', 'MEX', 'GTM', 'COL', 'CAN', 'GBR'].filter((c) => ms.every((m) => m.relTo.includes(c))).sort();
}

test('banner classification is never lower than any portion\'s (B1)', () => {
  const rng = createRng(1);
  for (let i = 0; i < CASES; i++) {
    const ms = portions(rng);
    const banner = combine(ms, POLICY);
    for (const m of ms) assert.ok(classificationRank(banner.classification) >= classificationRank(m.classification));
    assert.ok(ms.some((m) => m.classification === banner.classification));
  }
});

test('banner REL TO is exactly the brute-force intersection, or NOFORN / nothing as B2-B4 say', () => {
  const rng = createRng(2);
  for (let i = 0; i < CASES; i++) {
    const ms = portions(rng);
    const banner = combine(ms, POLICY);
    const brute = bruteIntersection(ms);
    for (const m of ms) for (const c of banner.relTo) assert.ok(m.relTo.includes(c), 'banner REL TO ⊆ every portion\'s');
    const anyNoforn = ms.some((m) => m.controls.includes(NOFORN));
    const allRel = ms.every((m) => m.relTo.length > 0);
    if (anyNoforn) {
      assert.ok(banner.controls.includes(NOFORN) && banner.relTo.length === 0, 'NOFORN anywhere ⇒ NOFORN banner, no REL TO');
    } else if (brute.some((c) => c !== 'USA')) {
      assert.deepEqual(banner.relTo, brute);
      assert.ok(!banner.controls.includes(NOFORN));
    } else {
      assert.deepEqual(banner.relTo, []);
      assert.equal(banner.controls.includes(NOFORN), allRel, 'an empty foreign intersection of REL TO lists is NOFORN');
    }
  }
});

test('no leak through aggregation: whoever may see the banner may see every portion', () => {
  const rng = createRng(3);
  let allowedBanners = 0;
  for (let i = 0; i < CASES; i++) {
    const ms = portions(rng);
    const banner = combine(ms, POLICY);
    for (let u = 0; u < 4; u++) {
      const s = randomSubject(rng);
      if (!canAccess(s, banner, POLICY).allowed) continue;
      allowedBanners++;
      for (const m of ms) assert.ok(canAccess(s, m, POLICY).allowed, JSON.stringify({ s, banner, m }));
    }
  }
  assert.ok(allowedBanners > 500, `only ${allowedBanners} allowed banners: the generator is too strict to test this`);
});

test('combine is order-independent and idempotent on one marking', () => {
  const rng = createRng(4);
  for (let i = 0; i < CASES; i++) {
    const ms = portions(rng);
    const shuffled = [...ms].sort(() => rng.next() - 0.5);
    assert.deepEqual(combine(shuffled, POLICY), combine(ms, POLICY));
    assert.deepEqual(combine([ms[0]!], POLICY), ms[0]);
  }
});

test('redact never returns a portion the user cannot see, and returns every one they can', () => {
  const rng = createRng(5);
  for (let i = 0; i < CASES; i++) {
    const list = portions(rng).map((m, k) => ({ id: `p${k}`, marking: m, value: k }));
    const s = randomSubject(rng);
    const r = redact(list, s, POLICY);
    assert.deepEqual(r.portions.map((p) => p.id), list.filter((p) => canAccess(s, p.marking, POLICY).allowed).map((p) => p.id));
    if (r.banner !== null) {
      assert.ok(canAccess(s, r.banner, POLICY).allowed, 'the banner of what one may see is visible');
      assert.equal(r.bannerText, formatBanner(r.banner, POLICY));
    }
  }
});

/**
 * The WHERE clause of docs/security/markings.md, evaluated literally over
 * the stored columns:
 *   classification_rank <= :max
 *   AND (:own OR :nationality IN rel_to)
 *   AND every control c of the row: c IN :allowed OR (c IN :originatorControls AND originator = :organisation)
 */
function rowVisible(p: AccessPredicate, row: MarkingColumns): boolean {
  return (
    row.classificationRank <= p.maxClassificationRank &&
    (p.ownNational || row.relTo.includes(p.nationality)) &&
    row.controls.every((c) => p.allowedControls.includes(c) || (p.originatorControls.includes(c) && row.originator === p.organisation))
  );
}

test('accessPredicate agrees with canAccess on every random (user, marking) pair: counts cannot leak', () => {
  const rng = createRng(6);
  let visible = 0;
  for (let i = 0; i < CASES * 4; i++) {
    const m = randomMarking(rng);
    const s = randomSubject(rng);
    const expected = canAccess(s, m, POLICY).allowed;
    assert.equal(rowVisible(accessPredicate(s, POLICY), markingColumns(m)), expected, JSON.stringify({ s, m }));
    if (expected) visible++;
  }
  assert.ok(visible > 1000 && visible < CASES * 4 - 1000, `${visible} visible: both outcomes must be common`);
});

test('parse∘format round trips: portion text, banner text and JSON', () => {
  const rng = createRng(7);
  for (let i = 0; i < CASES; i++) {
    const m = i % 2 === 0 ? randomMarking(rng) : combine(portions(rng), POLICY);
    assert.deepEqual(parsePortionMarking(portionMarking(m, POLICY), m.originator, POLICY), m);
    assert.deepEqual(parseBannerMarking(formatBanner(m, POLICY), m.originator, POLICY), m);
    assert.deepEqual(parseMarking(JSON.parse(JSON.stringify(m)), POLICY), m);
  }
});
