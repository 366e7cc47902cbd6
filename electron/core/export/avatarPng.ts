// The persona's avatar as a PNG for the PDF: react-pdf cannot embed an SVG as an image, and its
// own <Svg> primitives do not cover what DiceBear draws, so resvg (Rust, in-process) rasterises it.
import { Resvg } from '@resvg/resvg-js';
import { avatarSvg } from '../../../shared/avatar';

/** Pixels per side: 3x the largest size the card prints (88pt), crisp at 216 dpi. */
const PIXELS = 264;
const MAX_CACHED = 200;
const cache = new Map<string, Buffer>();

export function avatarPng(seed: string): Buffer {
  const hit = cache.get(seed);
  if (hit) return hit;
  const png = new Resvg(avatarSvg(seed, PIXELS), { fitTo: { mode: 'width', value: PIXELS }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(seed, png);
  return png;
}
