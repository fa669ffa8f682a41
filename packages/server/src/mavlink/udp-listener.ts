/**
 * Live MAVLink over UDP: ground stations or vehicles send datagrams to this
 * port (NARIZ_MAVLINK_UDP_PORT). Each sending endpoint is its own byte
 * stream with its own decoder (so bad bytes from one cannot desynchronise
 * another; dropped bytes and CRC errors are counted per endpoint); each
 * system id is a vehicle (vehicle-link.ts). Once a second every vehicle's
 * position is published and its completed samples go into the live-ingest
 * path (stored, acknowledged, detected, located) like any other batch.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { FastifyBaseLogger } from 'fastify';
import { MavlinkDecoder, type DecoderStats, type SensorMap } from '@nariz/formats';
import type { Platform } from '../platform.js';
import { VehicleLink, type VehicleStatus } from './vehicle-link.js';

export interface MavlinkUdpOptions {
  readonly port: number;
  readonly host: string;
  readonly platform: Platform;
  readonly log: FastifyBaseLogger;
  /** How often positions are published and samples stored, ms (default 1000). */
  readonly flushMs?: number;
  readonly sensorMap?: SensorMap;
}

export interface EndpointStatus {
  readonly endpoint: string;
  readonly bytes: number;
  readonly packets: number;
  readonly crc_errors: number;
  readonly dropped_bytes: number;
  readonly unknown_ids: number;
}

const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/** Most endpoints and vehicles tracked at once (a flood of spoofed sources cannot grow memory without bound). */
const MAX_ENDPOINTS = 256;

export class MavlinkUdpListener {
  private socket: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly decoders = new Map<string, MavlinkDecoder>();
  private boundPort: number | undefined;
  private readonly vehicles = new Map<number, VehicleLink>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly o: MavlinkUdpOptions) {}

  /** Binds the port; resolves with the port bound (0 in options picks a free one). */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      // A large receive buffer rides out bursts while the event loop is busy (the kernel caps it at net.core.rmem_max).
      const socket = createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
      this.socket = socket;
      socket.once('error', reject);
      socket.on('message', (msg, rinfo) => this.receive(msg, `${rinfo.address}:${rinfo.port}`));
      socket.bind(this.o.port, this.o.host, () => {
        socket.off('error', reject);
        socket.on('error', (err) => this.o.log.error({ err }, 'MAVLink UDP socket error'));
        this.timer = setInterval(() => {
          this.flushing = this.flushing.then(() => this.flush());
        }, this.o.flushMs ?? 1000);
        this.boundPort = socket.address().port;
        resolve(this.boundPort);
      });
    });
  }

  /** The UDP port bound (the one chosen when the options asked for 0), once started. */
  get port(): number | undefined {
    return this.boundPort;
  }

  private receive(msg: Buffer, endpoint: string): void {
    let dec = this.decoders.get(endpoint);
    if (dec === undefined) {
      if (this.decoders.size >= MAX_ENDPOINTS) return;
      dec = new MavlinkDecoder();
      this.decoders.set(endpoint, dec);
      this.o.log.info({ endpoint }, 'MAVLink stream from a new endpoint');
    }
    const at = new Date();
    for (const f of dec.push(msg, at.getTime() * 1000)) {
      let v = this.vehicles.get(f.sysid);
      if (v === undefined) {
        if (this.vehicles.size >= MAX_ENDPOINTS) continue;
        v = new VehicleLink(f.sysid, endpoint, this.o.platform, this.o.sensorMap);
        this.vehicles.set(f.sysid, v);
        this.o.log.info({ sysid: f.sysid, endpoint }, 'MAVLink vehicle heard');
      }
      v.endpoint = endpoint;
      v.push(f, at);
    }
  }

  /** Publishes positions and stores samples now (the timer does this every flushMs). */
  async flush(): Promise<void> {
    for (const v of this.vehicles.values()) {
      try {
        await v.flush();
      } catch (err) {
        this.o.log.error({ err, sysid: v.sysid }, 'MAVLink samples could not be stored');
      }
    }
  }

  vehicleStatus(): VehicleStatus[] {
    return [...this.vehicles.values()].map((v) => v.status()).sort((a, b) => a.sysid - b.sysid);
  }

  endpointStatus(): EndpointStatus[] {
    return [...this.decoders.entries()].map(([endpoint, d]) => {
      const s: DecoderStats = d.stats;
      return { endpoint, bytes: s.bytes, packets: s.packets, crc_errors: s.crcErrors, dropped_bytes: s.droppedBytes, unknown_ids: s.unknownIds };
    });
  }

  /** Stops listening and stores what is complete. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await new Promise<void>((r) => (this.socket === undefined ? r() : this.socket.close(() => r())));
    await this.flushing;
    await this.flush();
  }
}
