/**
 * One picture of the simulated camera: each pixel's ground point through
 * the projective map of the frame's footprint (exact for a pinhole camera
 * over flat ground, @nariz/fmv), coloured by the scene, 2×2 samples a
 * pixel so edges do not shimmer as the view moves. RGB, row-major, no
 * padding: ffmpeg's `-f rawvideo -pix_fmt rgb24`.
 */
import { vehicleAt, sceneColour, type Scene } from './ground-scene.js';

const SUB = [0.25, 0.75] as const;

/**
 * Renders into `out` (width·height·3 bytes). `toGround` maps normalised
 * image (u, v) to (east, north) metres of the scene, row-major 3×3.
 */
export function renderFrame(toGround: Float64Array, width: number, height: number, tS: number, scene: Scene, out: Uint8Array): void {
  const [a, b, c, d, e, f, g, h, i] = toGround as unknown as [number, number, number, number, number, number, number, number, number];
  const vehicle = vehicleAt(scene.vehicle, tS);
  const px = new Uint8Array(3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, gr = 0, bl = 0;
      for (const sy of SUB) {
        const v = (y + sy) / height;
        for (const sx of SUB) {
          const u = (x + sx) / width;
          const w = g * u + h * v + i;
          sceneColour(scene, (a * u + b * v + c) / w, (d * u + e * v + f) / w, vehicle, px, 0);
          r += px[0]!;
          gr += px[1]!;
          bl += px[2]!;
        }
      }
      const o = 3 * (y * width + x);
      out[o] = (r + 2) >> 2;
      out[o + 1] = (gr + 2) >> 2;
      out[o + 2] = (bl + 2) >> 2;
    }
  }
}
