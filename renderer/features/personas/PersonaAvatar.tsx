import { useMemo } from 'react';
import type { Persona } from '../../../shared/domain';
import { avatarSvg, personaAvatarSeed } from '../../../shared/avatar';

/** The persona's illustrated face (seeded by its participants, as on the PDF), drawn locally and shown as a data: URL (allowed by the CSP). */
export function PersonaAvatar({ persona, size = 64 }: { persona: Pick<Persona, 'name' | 'participants'>; size?: number }) {
  const seed = personaAvatarSeed(persona);
  const src = useMemo(() => `data:image/svg+xml;utf8,${encodeURIComponent(avatarSvg(seed, size * 2))}`, [seed, size]);
  return <img src={src} width={size} height={size} alt="" aria-hidden data-testid="persona-avatar" data-seed={seed} style={{ borderRadius: '50%', flexShrink: 0 }} />;
}
