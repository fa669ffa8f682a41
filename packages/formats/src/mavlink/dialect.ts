/**
 * Which messages a decoder knows: for each message id its CRC_EXTRA byte,
 * its full payload length and its field layout. These are facts of the
 * MAVLink XML definitions; we take them from the registries node-mavlink
 * generates from that XML (package mavlink-mappings) instead of copying
 * tables. A packet whose id is not here cannot have its checksum verified.
 */
import { NarizError } from '@nariz/core';
import {
  ardupilotmega, asluav, common, development, icarous, minimal, standard, storm32, ualberta, uavionix,
  type MavLinkPacketField, type MavLinkPacketRegistry,
} from 'node-mavlink';

export interface MessageInfo {
  readonly msgid: number;
  readonly name: string;
  readonly crcExtra: number;
  /** Payload bytes with every field, extensions included (what a v2 payload is padded back to). */
  readonly payloadLength: number;
  /** Payload bytes without extension fields (what a MAVLink 1 packet carries). */
  readonly baseLength: number;
  /** Wire order (largest type first, extensions last), with byte offsets. */
  readonly fields: readonly MavLinkPacketField[];
}

/** Ids below this go in flat typed arrays (every id node-mavlink knows is below it); the rest in a map. */
const FLAT_IDS = 65536;

export class MavlinkDialect {
  private readonly crcExtraById = new Int16Array(FLAT_IDS).fill(-1);
  private readonly lengthById = new Uint16Array(FLAT_IDS);
  private readonly infoById = new Map<number, MessageInfo>();

  constructor(registries: readonly MavLinkPacketRegistry[]) {
    for (const registry of registries) {
      for (const clazz of Object.values(registry)) {
        const fields = clazz.FIELDS;
        const info: MessageInfo = {
          msgid: clazz.MSG_ID,
          name: clazz.MSG_NAME,
          crcExtra: clazz.MAGIC_NUMBER,
          payloadLength: clazz.PAYLOAD_LENGTH,
          baseLength: fields.filter((f) => !f.extension).reduce((n, f) => n + f.size * Math.max(1, f.length), 0),
          fields,
        };
        const prev = this.infoById.get(info.msgid);
        if (prev !== undefined && (prev.crcExtra !== info.crcExtra || prev.payloadLength !== info.payloadLength)) {
          throw new NarizError('NARIZ_USAGE', `message id ${info.msgid} is defined twice, as ${prev.name} (CRC_EXTRA ${prev.crcExtra}) and ${info.name} (CRC_EXTRA ${info.crcExtra}); combine dialects that agree`);
        }
        this.infoById.set(info.msgid, info);
        if (info.msgid < FLAT_IDS) {
          this.crcExtraById[info.msgid] = info.crcExtra;
          this.lengthById[info.msgid] = info.payloadLength;
        }
      }
    }
  }

  /** Number of known messages. */
  get size(): number {
    return this.infoById.size;
  }

  /** The CRC_EXTRA byte of a message id, or -1 when the id is unknown. */
  crcExtra(msgid: number): number {
    if (msgid < FLAT_IDS) return this.crcExtraById[msgid]!;
    return this.infoById.get(msgid)?.crcExtra ?? -1;
  }

  /** Full payload length of a known message id (0 when unknown). */
  payloadLength(msgid: number): number {
    if (msgid < FLAT_IDS) return this.lengthById[msgid]!;
    return this.infoById.get(msgid)?.payloadLength ?? 0;
  }

  message(msgid: number): MessageInfo | undefined {
    return this.infoById.get(msgid);
  }
}

let all: MavlinkDialect | undefined;

/**
 * Every dialect node-mavlink ships (minimal, standard, common, ardupilotmega,
 * development and the vendor sets), merged; they agree on every shared id.
 */
export function defaultDialect(): MavlinkDialect {
  all ??= new MavlinkDialect([
    minimal.REGISTRY, standard.REGISTRY, common.REGISTRY, ardupilotmega.REGISTRY, development.REGISTRY,
    uavionix.REGISTRY, icarous.REGISTRY, asluav.REGISTRY, ualberta.REGISTRY, storm32.REGISTRY,
  ]);
  return all;
}
