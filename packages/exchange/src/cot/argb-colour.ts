/**
 * TAK colours: 32-bit ARGB written as a signed decimal integer
 * (`<strokeColor value="-65536"/>` is opaque red), as ATAK and node-cot do.
 */
export function argb(a: number, r: number, g: number, b: number): number {
  return (((a & 0xff) << 24) | ((r & 0xff) << 16) | ((g & 0xff) << 8) | (b & 0xff)) | 0;
}

/**
 * Zone colours by threshold level, as ALOHA draws threat zones: level 3
 * red, level 2 orange, level 1 yellow. Fill at 30 % opacity.
 */
export function hazardColours(tier: string): { stroke: number; fill: number } {
  const level = tier.endsWith('3') ? 3 : tier.endsWith('2') ? 2 : 1;
  const [r, g, b] = level === 3 ? [255, 0, 0] : level === 2 ? [255, 128, 0] : [255, 255, 0];
  return { stroke: argb(255, r, g, b), fill: argb(77, r, g, b) };
}
