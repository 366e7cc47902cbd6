import { useMemo } from 'react';
import { avatarSvg, personaAvatarSeed } from '../../../shared/avatar';

/** The persona's illustrated face, drawn locally and shown as a data: URL (allowed by the CSP). */
export function PersonaAvatar({ name, size = 64 }: { name: string; size?: number }) {
  const src = useMemo(() => `data:image/svg+xml;utf8,${encodeURIComponent(avatarSvg(personaAvatarSeed({ name }), size * 2))}`, [name, size]);
  return <img src={src} width={size} height={size} alt="" aria-hidden data-testid="persona-avatar" style={{ borderRadius: '50%', flexShrink: 0 }} />;
}
