/**
 * node-mavlink's own splitter and parser, run on the same bytes: the
 * independent oracle the decoder tests compare with.
 */
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  MavLinkPacketParser, MavLinkPacketSplitter, MavLinkTLogPacketSplitter, ardupilotmega, common, minimal,
  type MavLinkData, type MavLinkDataConstructor, type MavLinkPacket,
} from 'node-mavlink';

export const VTOL_TLOG = fileURLToPath(new URL('../../../../../shared/data/mavlink/vtol.tlog', import.meta.url));
export const V2_STREAM = fileURLToPath(new URL('../../../../../shared/data/mavlink/mavlink-v2-3412-packets.bin', import.meta.url));

export interface OracleRun {
  readonly packets: MavLinkPacket[];
  readonly valid: number;
  readonly invalid: number;
  readonly unknown: number;
}

export function oracle(bytes: Uint8Array, tlog: boolean): Promise<OracleRun> {
  const splitter = tlog ? new MavLinkTLogPacketSplitter() : new MavLinkPacketSplitter();
  const parser = new MavLinkPacketParser();
  const packets: MavLinkPacket[] = [];
  return new Promise((resolve, reject) => {
    Readable.from([Buffer.from(bytes)]).pipe(splitter).pipe(parser)
      .on('data', (p: MavLinkPacket) => packets.push(p))
      .on('error', reject)
      .on('end', () => resolve({ packets, valid: splitter.validPackages, invalid: splitter.invalidPackages, unknown: splitter.unknownPackagesCount }));
  });
}

export function oracleData<T extends MavLinkData>(p: MavLinkPacket, clazz: MavLinkDataConstructor<T>): T {
  return p.protocol.data(p.payload, clazz);
}

export const classes = { GlobalPositionInt: common.GlobalPositionInt, Attitude: common.Attitude, Wind: ardupilotmega.Wind, SystemTime: common.SystemTime, Heartbeat: minimal.Heartbeat, NamedValueFloat: common.NamedValueFloat, DebugFloatArray: common.DebugFloatArray, WindCov: common.WindCov };
