/**
 * A simulated vehicle for the end-to-end test: MAVLink 2 telemetry over UDP
 * on loopback (SYSTEM_TIME, GLOBAL_POSITION_INT and WIND, no gas readings,
 * so the server shows the vehicle but makes no sortie), sent at a steady
 * rate until stopped, flying east at 10 m/s.
 */
import { createSocket } from 'node:dgram';
import { encodeFrame, MSG } from '@nariz/formats';

export interface VehicleSender {
  /** Datagrams sent so far. */
  readonly sent: () => number;
  readonly stop: () => Promise<void>;
}

export interface SenderOptions {
  readonly port: number;
  readonly sysid: number;
  readonly lat: number;
  readonly lon: number;
  /** Metres above home. */
  readonly altM: number;
  /** Between bursts, ms (a vehicle's telemetry rate). */
  readonly periodMs?: number;
}

/** A free UDP port on loopback (bound, read, released). */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

export function startVehicle(o: SenderOptions): VehicleSender {
  const socket = createSocket('udp4');
  let k = 0;
  let sent = 0;
  const bootMs0 = 10_000;
  const burst = (): void => {
    const bootMs = bootMs0 + k * (o.periodMs ?? 250);
    const seq = { sysid: o.sysid, compid: 1, seq: k % 256 };
    // Flying east at 10 m/s: ~1.47e-4° of longitude per second at 52° N.
    const lon = o.lon + (k * (o.periodMs ?? 250) * 1e-3 * 10) / 68_500;
    const packets = [
      encodeFrame(MSG.SYSTEM_TIME, { time_unix_usec: BigInt(Date.now()) * 1000n, time_boot_ms: bootMs }, seq),
      encodeFrame(MSG.GLOBAL_POSITION_INT, { time_boot_ms: bootMs, lat: Math.round(o.lat * 1e7), lon: Math.round(lon * 1e7), alt: Math.round((o.altM + 20) * 1000), relative_alt: Math.round(o.altM * 1000), vx: 0, vy: 1000, vz: 0, hdg: 9000 }, seq),
      encodeFrame(MSG.WIND, { direction: 270, speed: 4, speed_z: 0 }, seq),
    ];
    for (const p of packets) {
      socket.send(p, o.port, '127.0.0.1', (err) => {
        if (err === null) sent++;
      });
    }
    k++;
  };
  burst();
  const timer = setInterval(burst, o.periodMs ?? 250);
  return {
    sent: () => sent,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        socket.close(() => resolve());
      }),
  };
}
