// Draws the two Teams app icons for DiligenceBot and writes them next to the manifest.
//
//   node tools/validate/make-icons.mjs [output-folder]     (default: manifests/)
//
// color.png   192x192: a white check mark on a blue rounded square (accent #1F6FB2).
// outline.png  32x32 : the same check mark inside a rounded-square outline, white on transparent.
//
// Shapes are described as signed distance functions (in pixels, negative inside) and the
// coverage of each pixel is taken from the distance, which gives smooth, deterministic edges.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { PNG } = require("pngjs");

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, "..", "..", "manifests"));

// Distance from point p to a rounded rectangle centred at (cx, cy), half sizes hw/hh, radius r.
function roundedRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - (hw - r);
  const qy = Math.abs(py - cy) - (hh - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

// Distance from point p to the segment a-b.
function segment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

// A check mark through three points (given as fractions of the icon size), stroke width w.
function checkMark(px, py, size, points, w) {
  const [a, b, c] = points.map(([x, y]) => [x * size, y * size]);
  const d = Math.min(segment(px, py, ...a, ...b), segment(px, py, ...b, ...c));
  return d - w / 2;
}

// Coverage of a pixel (0..1) for a shape whose signed distance at the pixel centre is d.
const coverage = (d) => Math.min(1, Math.max(0, 0.5 - d));

const CHECK = [
  [0.3, 0.52],
  [0.44, 0.66],
  [0.71, 0.36],
];

function drawColor(size) {
  const png = new PNG({ width: size, height: size });
  const top = [0x2a, 0x84, 0xcf]; // a touch lighter than the accent colour
  const bottom = [0x1f, 0x6f, 0xb2]; // accent colour
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const bg = coverage(roundedRect(px, py, half, half, half - 4, half - 4, size * 0.2));
      const mark = coverage(checkMark(px, py, size, CHECK, size * 0.11));
      const t = py / size;
      const rgb = top.map((c, i) => c + (bottom[i] - c) * t);
      const out = rgb.map((c) => c + (255 - c) * mark);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(out[0]);
      png.data[i + 1] = Math.round(out[1]);
      png.data[i + 2] = Math.round(out[2]);
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  return png;
}

function drawOutline(size) {
  const png = new PNG({ width: size, height: size });
  const half = size / 2;
  const stroke = 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Ring: the band of width `stroke` just inside a rounded square.
      const outer = roundedRect(px, py, half, half, half - 1, half - 1, 7);
      const ring = Math.max(outer, -(outer + stroke));
      const mark = checkMark(px, py, size, CHECK, 2.6);
      const a = coverage(Math.min(ring, mark));
      const i = (y * size + x) * 4;
      // Every pixel is white; only the alpha channel carries the shape.
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * a);
    }
  }
  return png;
}

mkdirSync(outDir, { recursive: true });
const options = { colorType: 6, inputColorType: 6, bitDepth: 8 };
writeFileSync(join(outDir, "color.png"), PNG.sync.write(drawColor(192), options));
writeFileSync(join(outDir, "outline.png"), PNG.sync.write(drawOutline(32), options));
console.log(`wrote ${join(outDir, "color.png")} and ${join(outDir, "outline.png")}`);
