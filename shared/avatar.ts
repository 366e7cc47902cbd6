// Illustrated persona avatars, drawn on the device by DiceBear: no request, no CDN, no account.
//
// Style: "Notionists" by Zoish (https://heyzoish.gumroad.com/l/notionists), design licensed
// CC0 1.0 (public domain dedication); DiceBear's code is MIT, (c) Florian Körner. Chosen over
// avataaars (custom "free for personal and commercial use" licence) and adventurer/micah
// (CC BY 4.0, which would oblige an attribution on every exported card). DiceBear embeds the
// same licence note as <metadata> in every SVG it makes.
//
// Pure JS with no Node or Electron import, so the renderer and the PDF export draw the same face.
import { createAvatar } from '@dicebear/core';
import { notionists } from '@dicebear/collection';

/** Soft pastel discs behind the black line art; picked per seed like the rest of the face. */
const BACKGROUNDS = ['dbeafe', 'e0e7ff', 'fce7f3', 'fef3c7', 'dcfce7', 'ede9fe', 'ffedd5', 'cffafe'];

/**
 * A round illustrated avatar as an SVG string, the same for the same seed on every machine and
 * every run (DiceBear seeds its own PRNG from the string; nothing random or time-based).
 */
export function avatarSvg(seed: string, size = 128): string {
  if (!Number.isFinite(size) || size <= 0) throw new RangeError(`avatar size must be > 0, got ${size}`);
  return createAvatar(notionists, {
    seed,
    size: Math.round(size),
    radius: 50,
    backgroundColor: BACKGROUNDS,
    backgroundType: ['solid'],
    // A persona card is a working document: clear glasses only (most variants are sunglasses),
    // and no lightning bolts or planets printed on the shirt.
    glasses: ['variant03', 'variant08', 'variant11'],
    bodyIconProbability: 0,
  }).toString();
}

/**
 * The seed a persona's avatar is drawn from, so the app and every export show the same face.
 * Seeded by who the persona is drawn from (its participants' ids, sorted), never by its row id or
 * its name: a re-synthesis writes new rows and may rename "Persona A — ernest", and a researcher
 * may rename it, yet the same people keep the same face. A persona with no participants left
 * falls back to its name.
 */
export function personaAvatarSeed(persona: { name: string; participants?: readonly { id: number }[] }): string {
  const ids = (persona.participants ?? []).map((p) => p.id).sort((a, b) => a - b);
  return ids.length ? `participants:${ids.join(',')}` : persona.name.trim().toLowerCase();
}
