/**
 * Live MAVLink over UDP against a real server: two simulated vehicles (a
 * sender written here, on loopback) send SYSTEM_TIME, GLOBAL_POSITION_INT,
 * WIND and gas readings as NAMED_VALUE_FLOAT, with garbage bytes between
 * packets; each vehicle appears with its position, the one with gas
 * sensors gets a live sortie whose samples match what was sent, the one
 * without makes none, and the garbage is counted as dropped, not decoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { encodeFrame, MSG } from '@nariz/formats';
import { sortieId, toKgM3Factor, builtinChemicals } from '@nariz/core';
import { call, makeUser, startServer, until } from './harness.js';

const EPOCH_S = 1_790_000_000;
const LAT0 = 52.09;
const LON0 = 5.12;

/** What vehicle `sysid` sends for second-half step k (0.5 s apart). */
function packets(sysid: number, k: number, gas: boolean): Uint8Array[] {
  const bootMs = 10_000 + k * 500;
  const o = { sysid, compid: 1, seq: k % 256 };
  const out = [
    encodeFrame(MSG.SYSTEM_TIME, { time_unix_usec: BigInt(EPOCH_S * 1e6 + k * 5e5), time_boot_ms: bootMs }, o),
    // Flying east at 10 m/s, 40 m above home.
    encodeFrame(MSG.GLOBAL_POSITION_INT, { time_boot_ms: bootMs, lat: Math.round(LAT0 * 1e7), lon: Math.round((LON0 + (k * 5) / 68_500) * 1e7), alt: 60_000, relative_alt: 40_000, vx: 0, vy: 1000, vz: 0, hdg: 9000 }, o),
    encodeFrame(MSG.WIND, { direction: 270, speed: 4, speed_z: 0 }, o),
  ];
  if (gas) {
    out.push(encodeFrame(MSG.NAMED_VALUE_FLOAT, { time_boot_ms: bootMs + 100, name: 'hcl_ppb', value: 10 + k }, o));
    out.push(encodeFrame(MSG.NAMED_VALUE_FLOAT, { time_boot_ms: bootMs + 100, name: 'acet_ppb', value: 50 }, o));
  }
  return out;
}

test('two vehicles over UDP: positions live, gas samples stored as a live sortie, garbage counted and skipped', async () => {
  const s = await startServer({ mavlink: { port: 0, host: '127.0.0.1', flushMs: 200 }, jobThreads: 1 });
  const sender = createSocket('udp4');
  try {
    const { token } = await makeUser(s.store, 'crew', 'analyst');
    const listener = s.app.platform.mavlink;
    assert.ok(listener !== undefined);
    const port = listener.port;
    assert.ok(port !== undefined && port > 0);
    const send = (b: Uint8Array): Promise<void> => new Promise((ok, fail) => sender.send(b, port, '127.0.0.1', (err) => (err ? fail(err) : ok())));
    let garbage = 0;
    for (let k = 0; k < 40; k++) {
      for (const pkt of packets(1, k, true)) await send(pkt);
      for (const pkt of packets(2, k, false)) await send(pkt);
      if (k % 10 === 5) {
        // Bytes that are not a packet (no STX among them), in their own datagram.
        const junk = Uint8Array.from({ length: 23 }, (_, i) => (i * 37 + 11) % 250 === 0xfd || (i * 37 + 11) % 250 === 0xfe ? 0 : (i * 37 + 11) % 250);
        await send(junk);
        garbage += junk.length;
      }
      // Paced like a vehicle's telemetry (a burst of hundreds of datagrams could overflow a small kernel buffer).
      await new Promise((r) => setTimeout(r, 3));
    }
    const auth = { token };
    const v = await until(async () => {
      const r = (await call(s.base, 'GET', '/api/vehicles', undefined, { auth })).json as { vehicles: Array<{ sysid: number; lat: number | null; lon: number | null; sortie_id: string | null; samples: number }>; endpoints: Array<{ dropped_bytes: number; crc_errors: number; packets: number }> };
      const one = r.vehicles.find((x) => x.sysid === 1);
      return one !== undefined && one.samples >= 30 && r.vehicles.some((x) => x.sysid === 2 && x.lat !== null) && r.endpoints[0]?.packets === 40 * 8 ? r : undefined;
    }, 'both vehicles and the samples', 20_000);
    const one = v.vehicles.find((x) => x.sysid === 1)!;
    const two = v.vehicles.find((x) => x.sysid === 2)!;
    assert.ok(Math.abs(one.lat! - LAT0) < 1e-6);
    assert.ok(one.lon! > LON0 && one.lon! < LON0 + 0.01, `flew east: ${one.lon}`);
    assert.equal(two.sortie_id, null, 'no gas, no sortie');
    assert.equal(v.endpoints.length, 1);
    assert.equal(v.endpoints[0]!.dropped_bytes, garbage, 'every garbage byte counted as dropped');
    assert.equal(v.endpoints[0]!.crc_errors, 0);
    assert.equal(v.endpoints[0]!.packets, 40 * (5 + 3));
    // The live sortie holds what was sent, in kg/m3 through the species' own unit conversion.
    const sid = one.sortie_id!;
    const rec = (await s.store.getSortie(sortieId(sid)))!;
    assert.equal(rec.simulated, false);
    assert.deepEqual(rec.shape?.species.map((x) => x.key).sort(), ['acetone', 'hcl']);
    const got = await s.store.readSamples(sortieId(sid));
    const hcl = got.species.find((x) => x.key === 'hcl')!;
    const f = toKgM3Factor('ppb', builtinChemicals().require('hcl').molarMassGmol);
    for (let i = 0; i < got.count; i++) {
      const k = Math.round((got.timeS[i]! - EPOCH_S - 0.1) / 0.5);
      assert.ok(Math.abs(hcl.kgM3[i]! / f - (10 + k)) < 1e-3, `sample ${i}: hcl ${hcl.kgM3[i]! / f} ppb at step ${k}`);
      assert.ok(Math.abs(got.altAglM[i]! - 40) < 1e-9);
      // Wind from the west at 4 m/s blows east: u = +4, v = 0.
      assert.ok(Math.abs(got.windU[i]! - 4) < 1e-6 && Math.abs(got.windV[i]!) < 1e-6, `wind ${got.windU[i]}, ${got.windV[i]}`);
    }
    const audit = await s.store.audit.list({ action: 'sortie.live.start' });
    assert.equal(audit[0]?.target, sid);
  } finally {
    sender.close();
    await s.close();
  }
});
