/**
 * A minimal PMTiles v3 archive (github.com/protomaps/PMTiles, spec v3): the
 * 127-byte header, an uncompressed root directory of one entry, JSON
 * metadata and one raster tile at zoom 0, which a map overzooms everywhere.
 * Written from the spec for the basemap end-to-end test.
 */

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** Root directory: entry count, then tile-id deltas, run lengths, lengths, offsets (+1), each a varint column. */
function directory(entries: readonly { tileId: number; runLength: number; length: number; offset: number }[]): Buffer {
  const bytes: number[] = [...varint(entries.length)];
  let last = 0;
  for (const e of entries) {
    bytes.push(...varint(e.tileId - last));
    last = e.tileId;
  }
  for (const e of entries) bytes.push(...varint(e.runLength));
  for (const e of entries) bytes.push(...varint(e.length));
  for (const e of entries) bytes.push(...varint(e.offset + 1));
  return Buffer.from(bytes);
}

const HEADER_BYTES = 127;
const COMPRESSION_NONE = 1;
const TILE_TYPE_PNG = 2;

export function singleTilePmtiles(png: Buffer, name: string): Buffer {
  const dir = directory([{ tileId: 0, runLength: 1, length: png.length, offset: 0 }]);
  const metadata = Buffer.from(JSON.stringify({ name, format: 'png' }), 'utf8');
  const dirOffset = HEADER_BYTES;
  const metaOffset = dirOffset + dir.length;
  const dataOffset = metaOffset + metadata.length;
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'latin1');
  h[7] = 3;
  h.writeBigUInt64LE(BigInt(dirOffset), 8);
  h.writeBigUInt64LE(BigInt(dir.length), 16);
  h.writeBigUInt64LE(BigInt(metaOffset), 24);
  h.writeBigUInt64LE(BigInt(metadata.length), 32);
  h.writeBigUInt64LE(BigInt(dataOffset), 40); // no leaf directories: offset where they would start, length 0
  h.writeBigUInt64LE(0n, 48);
  h.writeBigUInt64LE(BigInt(dataOffset), 56);
  h.writeBigUInt64LE(BigInt(png.length), 64);
  h.writeBigUInt64LE(1n, 72); // addressed tiles
  h.writeBigUInt64LE(1n, 80); // tile entries
  h.writeBigUInt64LE(1n, 88); // tile contents
  h[96] = 1; // clustered
  h[97] = COMPRESSION_NONE; // internal (directories, metadata)
  h[98] = COMPRESSION_NONE; // tiles
  h[99] = TILE_TYPE_PNG;
  h[100] = 0; // min zoom
  h[101] = 0; // max zoom
  h.writeInt32LE(-180 * 1e7, 102);
  h.writeInt32LE(-85 * 1e7, 106);
  h.writeInt32LE(180 * 1e7, 110);
  h.writeInt32LE(85 * 1e7, 114);
  h[118] = 0; // centre zoom
  h.writeInt32LE(0, 119);
  h.writeInt32LE(0, 123);
  return Buffer.concat([h, dir, metadata, png]);
}
