/**
 * ST 0601's packs (§6 of the standard: Defined-Length, Variable-Length and
 * Floating-Length Packs, and series inside them) and ST 0903's location
 * packs: decode and encode. A pack whose inside does not parse throws
 * MALFORMED (a constant, no stack trace); the caller keeps the bytes and
 * flags the item.
 */
import { readBerLength, readBerOid, type BerValue } from './ber.js';
import { ByteWriter } from './byte-writer.js';
import { F_OUT_OF_RANGE, F_WRONG_LENGTH } from './flags.js';
import { Imapb } from './imapb.js';
import { readInt, readUint } from './integers.js';
import { klvUsage } from './klv-error.js';
import type { PackName, PackValues } from './codecs.js';
import type {
  AirbaseLocations, AngleDomain, ControlCommand, CountryCodes, GeoPoint, ImageHorizon, MetadataSubstreamId, MiisCoreId, PayloadList,
  SensorFrameRate, TargetLocation, ViewDomain, Wavelength, WaypointRecord, WeaponStore,
} from './pack-types.js';
import { decodeUtf8, encodeUtf8, hex, hexGroups, unhex } from './text.js';

/** Thrown (not an Error: no stack is captured) when a pack's inside does not parse. */
export const MALFORMED = Object.freeze({ malformed: true });

/** What a pack decoder reports besides its value. */
export interface PackContext {
  ber: BerValue;
  flags: number;
}

const LAT4 = new Imapb(-90, 90, 4);
const LON4 = new Imapb(-180, 180, 4);
const AIRBASE_HAE3 = new Imapb(-900, 9000, 3);
const WAVELENGTH4 = new Imapb(0, 1e9, 4);
const VMTI_HAE2 = new Imapb(-900, 19000, 2);
const SIGMA2 = new Imapb(0, 650, 2);
const RHO2 = new Imapb(-1, 1, 2);
const VIEW_BOUNDS: readonly (readonly [number, number])[] = [[0, 360], [-180, 180], [0, 360]];
/** View Domain mappings by element (azimuth, elevation, roll) and value length 1..8. */
const VIEW_START: readonly (readonly Imapb[])[] = VIEW_BOUNDS.map(([lo, hi]) => Array.from({ length: 8 }, (_, k) => new Imapb(lo, hi, k + 1)));
const VIEW_RANGE: readonly Imapb[] = Array.from({ length: 8 }, (_, k) => new Imapb(0, 360, k + 1));
const VIEW_KEYS = ['azimuth', 'elevation', 'roll'] as const;
/** Bytes per IMAPB value the encoder writes in a View Domain element (resolution 2^-14 degree). */
const VIEW_VALUE_BYTES = 3;

/** A read position inside a pack; every read past the end throws MALFORMED. */
class Cursor {
  p: number;
  constructor(readonly b: Uint8Array, start: number, readonly end: number, readonly ber: BerValue) {
    this.p = start;
  }

  /** A cursor over the next `n` bytes, which this one skips. */
  sub(n: number): Cursor {
    const at = this.need(n);
    return new Cursor(this.b, at, at + n, this.ber);
  }

  get left(): number {
    return this.end - this.p;
  }

  oid(): number {
    const q = readBerOid(this.b, this.p, this.end, this.ber);
    if (q < 0) throw MALFORMED;
    this.p = q;
    return this.ber.value;
  }

  len(): number {
    const q = readBerLength(this.b, this.p, this.end, this.ber);
    if (q < 0 || q + this.ber.value > this.end) throw MALFORMED;
    this.p = q;
    return this.ber.value;
  }

  need(n: number): number {
    if (n > this.end - this.p) throw MALFORMED;
    const at = this.p;
    this.p += n;
    return at;
  }

  uint(n: number): number {
    return readUint(this.b, this.need(n), n);
  }

  int(n: number): number {
    return readInt(this.b, this.need(n), n);
  }

  imapb(m: Imapb): number {
    return m.decode(this.b, this.need(m.length));
  }

  str(n: number): string {
    const at = this.need(n);
    return decodeUtf8(this.b, at, at + n);
  }

  bytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.b.slice(at, at + n);
  }
}

/** ST 0601 signed mapping used inside Item 81: the lowest int32 is the error indicator (null). */
function latLon32(c: Cursor, range: number): number | null {
  const v = c.int(4);
  return v === -0x80000000 ? null : (v * range) / 0x7fffffff;
}

export function decodePack<P extends PackName>(name: P, b: Uint8Array, start: number, end: number, ctx: PackContext, legacyVmti: boolean): PackValues[P];
export function decodePack(name: PackName, b: Uint8Array, start: number, end: number, ctx: PackContext, legacyVmti: boolean): PackValues[PackName] {
  const c = new Cursor(b, start, end, ctx.ber);
  switch (name) {
    case 'horizon': return horizon(c, ctx);
    case 'miis': return miis(c, ctx);
    case 'controlCommand': {
      const id = c.oid();
      const command = c.str(c.len());
      if (c.left === 0) return { id, command };
      if (c.left !== 8) ctx.flags |= F_WRONG_LENGTH;
      return { id, command, timeUs: c.uint(Math.min(8, c.left)) };
    }
    case 'activePayloads': return activePayloads(b, start, end);
    case 'idList': {
      const ids: number[] = [];
      while (c.left > 0) ids.push(c.oid());
      return ids;
    }
    case 'countryCodes': return countryCodes(c);
    case 'frameRate': {
      const numerator = c.oid();
      const denominator = c.left > 0 ? c.oid() : 1;
      if (c.left > 0) ctx.flags |= F_WRONG_LENGTH;
      return { numerator, denominator };
    }
    case 'wavelengths': {
      const out: Wavelength[] = [];
      while (c.left > 0) {
        const n = c.len();
        const recEnd = c.p + n;
        const id = c.oid();
        const minNm = c.imapb(WAVELENGTH4);
        const maxNm = c.imapb(WAVELENGTH4);
        if (recEnd < c.p) throw MALFORMED;
        out.push({ id, minNm, maxNm, name: c.str(recEnd - c.p) });
      }
      return out;
    }
    case 'airbases': return airbases(c);
    case 'payloads': {
      const count = c.oid();
      const payloads: { id: number; type: number; name: string }[] = [];
      while (c.left > 0) {
        const n = c.len();
        const recEnd = c.p + n;
        const id = c.oid();
        const type = c.oid();
        const nameText = c.str(c.len());
        if (c.p !== recEnd) throw MALFORMED;
        payloads.push({ id, type, name: nameText });
      }
      return { count, payloads };
    }
    case 'weapons': {
      const out: WeaponStore[] = [];
      while (c.left > 0) {
        const n = c.len();
        const recEnd = c.p + n;
        const station = c.oid();
        const hardpoint = c.oid();
        const carriage = c.oid();
        const store = c.oid();
        const status = c.oid();
        const type = c.str(c.len());
        if (c.p !== recEnd) throw MALFORMED;
        out.push({
          station, hardpoint, carriage, store, generalStatus: status & 0x7f,
          fuzeEnabled: (status & 0x100) !== 0, laserEnabled: (status & 0x200) !== 0, targetEnabled: (status & 0x400) !== 0, armed: (status & 0x800) !== 0, type,
        });
      }
      return out;
    }
    case 'waypoints': {
      const out: WaypointRecord[] = [];
      while (c.left > 0) {
        const sub = c.sub(c.len());
        const id = sub.oid();
        const prosecutionOrder = sub.int(2);
        if (sub.left === 0) {
          out.push({ id, prosecutionOrder });
          continue;
        }
        const info = sub.oid();
        if (sub.left === 0) {
          out.push({ id, prosecutionOrder, info });
          continue;
        }
        out.push({ id, prosecutionOrder, info, location: geoPoint(sub, AIRBASE_HAE3) });
        if (sub.left !== 0) throw MALFORMED;
      }
      return out;
    }
    case 'viewDomain': return viewDomain(c);
    case 'msid': {
      const localId = c.oid();
      if (c.left === 0) return { localId };
      if (c.left !== 16) throw MALFORMED;
      return { localId, uuid: hex(c.bytes(16)) };
    }
    case 'location': return location(c, legacyVmti, ctx);
    case 'locations': {
      const out: TargetLocation[] = [];
      while (c.left > 0) out.push(location(c.sub(c.len()), legacyVmti, ctx));
      return out;
    }
    case 'fpaIndex': {
      const row = c.oid();
      const column = c.oid();
      if (c.left !== 0) throw MALFORMED;
      return { row, column };
    }
  }
}

function horizon(c: Cursor, ctx: PackContext): ImageHorizon {
  const n = c.left;
  if (n < 4) throw MALFORMED;
  if (n !== 4 && n !== 20) ctx.flags |= F_WRONG_LENGTH;
  const x0Pct = c.uint(1);
  const y0Pct = c.uint(1);
  const x1Pct = c.uint(1);
  const y1Pct = c.uint(1);
  if (x0Pct > 100 || y0Pct > 100 || x1Pct > 100 || y1Pct > 100) ctx.flags |= F_OUT_OF_RANGE;
  if (n < 20) return { x0Pct, y0Pct, x1Pct, y1Pct };
  return { x0Pct, y0Pct, x1Pct, y1Pct, lat0Deg: latLon32(c, 90), lon0Deg: latLon32(c, 180), lat1Deg: latLon32(c, 90), lon1Deg: latLon32(c, 180) };
}


function miis(c: Cursor, ctx: PackContext): MiisCoreId {
  const version = c.oid();
  const usage = c.uint(1);
  const parts: string[] = [];
  const id = (present: boolean): string | undefined => {
    if (!present) return undefined;
    const at = c.need(16);
    const s = hexGroups(c.b, at, at + 16);
    parts.push(s);
    return s;
  };
  const sensorId = id(((usage >> 5) & 3) !== 0);
  const platformId = id(((usage >> 3) & 3) !== 0);
  const windowId = id((usage & 4) !== 0);
  const minorId = id((usage & 2) !== 0);
  if (c.left !== 0) ctx.flags |= F_WRONG_LENGTH;
  const text = `${version.toString(16).toUpperCase().padStart(2, '0')}${hex(Uint8Array.of(usage))}:${parts.join('/')}`;
  return {
    version, usage, text,
    ...(sensorId !== undefined ? { sensorId } : {}), ...(platformId !== undefined ? { platformId } : {}),
    ...(windowId !== undefined ? { windowId } : {}), ...(minorId !== undefined ? { minorId } : {}),
  };
}

function activePayloads(b: Uint8Array, start: number, end: number): number[] {
  const ids: number[] = [];
  for (let i = end - 1, bit = 0; i >= start; i--, bit += 8) {
    const x = b[i]!;
    for (let k = 0; k < 8; k++) if ((x & (1 << k)) !== 0) ids.push(bit + k);
  }
  return ids;
}

function countryCodes(c: Cursor): CountryCodes {
  const methodLength = c.len();
  if (methodLength < 1) throw MALFORMED;
  const codingMethod = c.uint(methodLength);
  const overflight = c.str(c.len());
  if (c.left === 0) return { codingMethod, overflight };
  const operator = c.str(c.len());
  if (c.left === 0) return { codingMethod, overflight, operator };
  const manufacture = c.str(c.len());
  if (c.left !== 0) throw MALFORMED;
  return { codingMethod, overflight, operator, manufacture };
}

function geoPoint(c: Cursor, haeMap: Imapb): GeoPoint {
  const latDeg = c.imapb(LAT4);
  const lonDeg = c.imapb(LON4);
  if (c.left === 0) return { latDeg, lonDeg };
  return { latDeg, lonDeg, haeM: c.imapb(haeMap) };
}

function airbases(c: Cursor): AirbaseLocations {
  const one = (): GeoPoint | null => {
    const n = c.len();
    if (n === 0) return null;
    if (n !== 8 && n !== 11) throw MALFORMED;
    return geoPoint(c.sub(n), AIRBASE_HAE3);
  };
  const takeoff = one();
  const recovery = c.left === 0 ? takeoff : one();
  if (c.left !== 0) throw MALFORMED;
  return { takeoff, recovery };
}

function viewDomain(c: Cursor): ViewDomain {
  const out: { azimuth?: AngleDomain | null; elevation?: AngleDomain | null; roll?: AngleDomain | null } = {};
  for (let i = 0; i < 3 && c.left > 0; i++) {
    const n = c.len();
    if (n === 0) {
      out[VIEW_KEYS[i]!] = null;
      continue;
    }
    if (n % 2 !== 0 || n > 16) throw MALFORMED;
    const k = n / 2;
    const startDeg = c.imapb(VIEW_START[i]![k - 1]!);
    const rangeDeg = c.imapb(VIEW_RANGE[k - 1]!);
    out[VIEW_KEYS[i]!] = { startDeg, rangeDeg };
  }
  if (c.left !== 0) throw MALFORMED;
  return out;
}

function location(c: Cursor, legacy: boolean, ctx: PackContext): TargetLocation {
  const n = c.left;
  if (n !== 10 && n !== 16 && n !== 22) throw MALFORMED;
  if (legacy) {
    // ST 0903 before version 4: unsigned integers mapped onto the same ranges.
    const m = (bytes: number, lo: number, hi: number): number => lo + (c.uint(bytes) * (hi - lo)) / (2 ** (8 * bytes) - 1);
    const latDeg = m(4, -90, 90);
    const lonDeg = m(4, -180, 180);
    const haeM = m(2, -900, 19000);
    if (n === 10) return { latDeg, lonDeg, haeM };
    const s = { latDeg, lonDeg, haeM, sigmaEastM: m(2, 0, 650), sigmaNorthM: m(2, 0, 650), sigmaUpM: m(2, 0, 650) };
    if (n === 16) return s;
    return { ...s, rhoEastNorth: m(2, -1, 1), rhoEastUp: m(2, -1, 1), rhoNorthUp: m(2, -1, 1) };
  }
  const latDeg = c.imapb(LAT4);
  const lonDeg = c.imapb(LON4);
  const haeM = c.imapb(VMTI_HAE2);
  if (!(latDeg >= -90 && latDeg <= 90 && lonDeg >= -180 && lonDeg <= 180)) ctx.flags |= F_OUT_OF_RANGE;
  if (n === 10) return { latDeg, lonDeg, haeM };
  const s = { latDeg, lonDeg, haeM, sigmaEastM: c.imapb(SIGMA2), sigmaNorthM: c.imapb(SIGMA2), sigmaUpM: c.imapb(SIGMA2) };
  if (n === 16) return s;
  return { ...s, rhoEastNorth: c.imapb(RHO2), rhoEastUp: c.imapb(RHO2), rhoNorthUp: c.imapb(RHO2) };
}

// ---- encoding ----

type Fail = (message: string) => never;

function num(v: unknown, what: string, fail: Fail, lo = -Infinity, hi = Infinity): number {
  if (typeof v !== 'number' || Number.isNaN(v) || v < lo || v > hi) fail(`${what} must be a number in [${lo}, ${hi}], got ${String(v)}`);
  return v as number;
}

function whole(v: unknown, what: string, fail: Fail, hi = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > hi) fail(`${what} must be a whole number 0..${hi}, got ${String(v)}`);
  return v as number;
}

function str(v: unknown, what: string, fail: Fail): string {
  if (typeof v !== 'string') fail(`${what} must be a string, got ${typeof v}`);
  return v as string;
}

function obj(v: unknown, what: string, fail: Fail): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${what} must be an object`);
  return v as Record<string, unknown>;
}

function arr(v: unknown, what: string, fail: Fail): unknown[] {
  if (!Array.isArray(v)) fail(`${what} must be an array`);
  return v as unknown[];
}

function putImapb(w: ByteWriter, m: Imapb, x: number): void {
  w.bytes(m.bytesOf(x));
}

function putLatLon32(w: ByteWriter, v: unknown, range: number, what: string, fail: Fail): void {
  if (v === null) return w.int(-0x80000000, 4);
  w.int(Math.round((num(v, what, fail, -range, range) * 0x7fffffff) / range), 4);
}

function putGeoPoint(w: ByteWriter, v: unknown, haeMap: Imapb, what: string, fail: Fail): void {
  const g = obj(v, what, fail);
  putImapb(w, LAT4, num(g.latDeg, `${what}.latDeg`, fail, -90, 90));
  putImapb(w, LON4, num(g.lonDeg, `${what}.lonDeg`, fail, -180, 180));
  if (g.haeM !== undefined) putImapb(w, haeMap, num(g.haeM, `${what}.haeM`, fail, haeMap.a, haeMap.b));
}

function sameGeo(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as GeoPoint;
  const y = b as GeoPoint;
  return x.latDeg === y.latDeg && x.lonDeg === y.lonDeg && x.haeM === y.haeM;
}

/** Writes pack `name`'s value; `fail` throws the caller's usage error naming the item. */
export function encodePack(name: PackName, value: unknown, w: ByteWriter, fail: Fail = klvUsage): void {
  switch (name) {
    case 'horizon': {
      const h = obj(value, 'the horizon', fail);
      for (const k of ['x0Pct', 'y0Pct', 'x1Pct', 'y1Pct']) w.u8(whole(h[k], k, fail, 255));
      const full = h.lat0Deg !== undefined || h.lon0Deg !== undefined || h.lat1Deg !== undefined || h.lon1Deg !== undefined;
      if (full) {
        putLatLon32(w, h.lat0Deg ?? null, 90, 'lat0Deg', fail);
        putLatLon32(w, h.lon0Deg ?? null, 180, 'lon0Deg', fail);
        putLatLon32(w, h.lat1Deg ?? null, 90, 'lat1Deg', fail);
        putLatLon32(w, h.lon1Deg ?? null, 180, 'lon1Deg', fail);
      }
      return;
    }
    case 'miis': {
      const m = obj(value, 'the MIIS core identifier', fail) as Partial<MiisCoreId>;
      w.berOid(whole(m.version, 'version', fail));
      const usage = whole(m.usage, 'usage', fail, 255);
      w.u8(usage);
      const id = (present: boolean, v: unknown, what: string): void => {
        if (!present) return;
        const bytes = typeof v === 'string' ? unhex(v) : undefined;
        if (bytes === undefined || bytes.length !== 16) fail(`${what} must be 16 bytes in hex (usage 0x${usage.toString(16)} says it is present)`);
        w.bytes(bytes!);
      };
      id(((usage >> 5) & 3) !== 0, m.sensorId, 'sensorId');
      id(((usage >> 3) & 3) !== 0, m.platformId, 'platformId');
      id((usage & 4) !== 0, m.windowId, 'windowId');
      id((usage & 2) !== 0, m.minorId, 'minorId');
      return;
    }
    case 'controlCommand': {
      const cc = obj(value, 'the control command', fail) as Partial<ControlCommand>;
      w.berOid(whole(cc.id, 'id', fail));
      w.lengthPrefixed(encodeUtf8(str(cc.command, 'command', fail)));
      if (cc.timeUs !== undefined) w.uint(whole(cc.timeUs, 'timeUs', fail, 2 ** 64), 8);
      return;
    }
    case 'idList': {
      for (const x of arr(value, 'the list', fail)) w.berOid(whole(x, 'an id', fail));
      return;
    }
    case 'activePayloads': {
      const ids = arr(value, 'the active payloads', fail).map((x) => whole(x, 'a payload id', fail, 8 * 1024 - 1));
      const nBytes = Math.max(1, Math.floor(Math.max(-1, ...ids) / 8) + 1);
      const out = new Uint8Array(nBytes);
      for (const id of ids) {
        const k = nBytes - 1 - Math.floor(id / 8);
        out[k] = (out[k] ?? 0) | (1 << (id % 8));
      }
      w.bytes(out);
      return;
    }
    case 'countryCodes': {
      const cc = obj(value, 'the country codes', fail) as Partial<CountryCodes>;
      w.berLength(1);
      w.u8(whole(cc.codingMethod, 'codingMethod', fail, 255));
      w.lengthPrefixed(encodeUtf8(str(cc.overflight, 'overflight', fail)));
      if (cc.operator !== undefined || cc.manufacture !== undefined) w.lengthPrefixed(encodeUtf8(str(cc.operator ?? '', 'operator', fail)));
      if (cc.manufacture !== undefined) w.lengthPrefixed(encodeUtf8(str(cc.manufacture, 'manufacture', fail)));
      return;
    }
    case 'frameRate': {
      const f = obj(value, 'the frame rate', fail) as Partial<SensorFrameRate>;
      w.berOid(whole(f.numerator, 'numerator', fail));
      const d = whole(f.denominator ?? 1, 'denominator', fail);
      if (d !== 1) w.berOid(d);
      return;
    }
    case 'wavelengths': {
      for (const [i, x] of arr(value, 'the wavelengths', fail).entries()) {
        const r = obj(x, `wavelength ${i}`, fail) as Partial<Wavelength>;
        const inner = new ByteWriter(32);
        inner.berOid(whole(r.id, `wavelength ${i} id`, fail));
        putImapb(inner, WAVELENGTH4, num(r.minNm, `wavelength ${i} minNm`, fail, 0, 1e9));
        putImapb(inner, WAVELENGTH4, num(r.maxNm, `wavelength ${i} maxNm`, fail, 0, 1e9));
        inner.bytes(encodeUtf8(str(r.name, `wavelength ${i} name`, fail)));
        w.lengthPrefixed(inner.view());
      }
      return;
    }
    case 'airbases': {
      const a = obj(value, 'the airbase locations', fail) as Partial<AirbaseLocations>;
      const one = (g: unknown, what: string): void => {
        if (g === null || g === undefined) return w.berLength(0);
        const inner = new ByteWriter(16);
        putGeoPoint(inner, g, AIRBASE_HAE3, what, fail);
        w.lengthPrefixed(inner.view());
      };
      one(a.takeoff ?? null, 'takeoff');
      if (!sameGeo(a.takeoff ?? null, a.recovery === undefined ? a.takeoff ?? null : a.recovery)) one(a.recovery, 'recovery');
      return;
    }
    case 'payloads': {
      const pl = obj(value, 'the payload list', fail) as Partial<PayloadList>;
      w.berOid(whole(pl.count, 'count', fail));
      for (const [i, x] of arr(pl.payloads ?? [], 'payloads', fail).entries()) {
        const r = obj(x, `payload ${i}`, fail);
        const inner = new ByteWriter(32);
        inner.berOid(whole(r.id, `payload ${i} id`, fail));
        inner.berOid(whole(r.type, `payload ${i} type`, fail));
        inner.lengthPrefixed(encodeUtf8(str(r.name, `payload ${i} name`, fail)));
        w.lengthPrefixed(inner.view());
      }
      return;
    }
    case 'weapons': {
      for (const [i, x] of arr(value, 'the weapons stores', fail).entries()) {
        const r = obj(x, `store ${i}`, fail) as Partial<WeaponStore>;
        const inner = new ByteWriter(32);
        for (const k of ['station', 'hardpoint', 'carriage', 'store'] as const) inner.berOid(whole(r[k], `store ${i} ${k}`, fail));
        const status = whole(r.generalStatus, `store ${i} generalStatus`, fail, 0x7f)
          | (r.fuzeEnabled === true ? 0x100 : 0) | (r.laserEnabled === true ? 0x200 : 0) | (r.targetEnabled === true ? 0x400 : 0) | (r.armed === true ? 0x800 : 0);
        inner.berOid(status);
        inner.lengthPrefixed(encodeUtf8(str(r.type, `store ${i} type`, fail)));
        w.lengthPrefixed(inner.view());
      }
      return;
    }
    case 'waypoints': {
      for (const [i, x] of arr(value, 'the waypoints', fail).entries()) {
        const r = obj(x, `waypoint ${i}`, fail) as Partial<WaypointRecord>;
        const inner = new ByteWriter(32);
        inner.berOid(whole(r.id, `waypoint ${i} id`, fail));
        inner.int(num(r.prosecutionOrder, `waypoint ${i} prosecutionOrder`, fail, -32768, 32767), 2);
        if (r.info !== undefined || r.location !== undefined) inner.berOid(whole(r.info ?? 0, `waypoint ${i} info`, fail));
        if (r.location !== undefined) putGeoPoint(inner, r.location, AIRBASE_HAE3, `waypoint ${i} location`, fail);
        w.lengthPrefixed(inner.view());
      }
      return;
    }
    case 'viewDomain': {
      const v = obj(value, 'the view domain', fail) as ViewDomain;
      let last = -1;
      for (let i = 0; i < 3; i++) if (v[VIEW_KEYS[i]!] !== undefined) last = i;
      for (let i = 0; i <= last; i++) {
        const d = v[VIEW_KEYS[i]!];
        if (d === null || d === undefined) {
          w.berLength(0);
          continue;
        }
        const [lo, hi] = VIEW_BOUNDS[i]!;
        w.berLength(2 * VIEW_VALUE_BYTES);
        putImapb(w, VIEW_START[i]![VIEW_VALUE_BYTES - 1]!, num(d.startDeg, `${VIEW_KEYS[i]}.startDeg`, fail, lo, hi));
        putImapb(w, VIEW_RANGE[VIEW_VALUE_BYTES - 1]!, num(d.rangeDeg, `${VIEW_KEYS[i]}.rangeDeg`, fail, 0, 360));
      }
      return;
    }
    case 'msid': {
      const m = obj(value, 'the metadata substream id', fail) as Partial<MetadataSubstreamId>;
      w.berOid(whole(m.localId, 'localId', fail));
      if (m.uuid !== undefined) {
        const u = unhex(m.uuid);
        if (u === undefined || u.length !== 16) fail('uuid must be 16 bytes in hex');
        w.bytes(u!);
      }
      return;
    }
    case 'location': return putLocation(w, value, 'the location', fail);
    case 'locations': {
      for (const [i, x] of arr(value, 'the boundary', fail).entries()) {
        const inner = new ByteWriter(32);
        putLocation(inner, x, `boundary point ${i}`, fail);
        w.lengthPrefixed(inner.view());
      }
      return;
    }
    case 'fpaIndex': {
      const f = obj(value, 'the FPA index', fail);
      w.berOid(whole(f.row, 'row', fail));
      w.berOid(whole(f.column, 'column', fail));
      return;
    }
  }
}

function putLocation(w: ByteWriter, value: unknown, what: string, fail: Fail): void {
  const l = obj(value, what, fail) as Partial<TargetLocation>;
  putImapb(w, LAT4, num(l.latDeg, `${what}.latDeg`, fail, -90, 90));
  putImapb(w, LON4, num(l.lonDeg, `${what}.lonDeg`, fail, -180, 180));
  putImapb(w, VMTI_HAE2, num(l.haeM, `${what}.haeM`, fail, -900, 19000));
  if (l.sigmaEastM === undefined) return;
  for (const k of ['sigmaEastM', 'sigmaNorthM', 'sigmaUpM'] as const) putImapb(w, SIGMA2, num(l[k], `${what}.${k}`, fail, 0, 650));
  if (l.rhoEastNorth === undefined) return;
  for (const k of ['rhoEastNorth', 'rhoEastUp', 'rhoNorthUp'] as const) putImapb(w, RHO2, num(l[k], `${what}.${k}`, fail, -1, 1));
}
