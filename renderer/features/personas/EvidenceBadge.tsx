import { Badge, UnstyledButton } from '@mantine/core';
import { useWorkspace } from '../evidence/workspace';

/** "3 quotes" next to a claim; click to read the quotes that back it in the evidence panel. */
export function EvidenceBadge({ ids, title }: { ids: number[]; title: string }) {
  const ws = useWorkspace();
  const count = ids.length;
  return (
    <UnstyledButton
      onClick={() => ws.show({ kind: 'evidence', title, ids, ref: null })}
      aria-label={`${count} ${count === 1 ? 'quote' : 'quotes'}: show the evidence`}
      data-testid="evidence-badge"
      style={{ flexShrink: 0 }}
    >
      <Badge size="sm" tt="none" fw={600} variant={count === 0 ? 'outline' : 'light'} color={count === 0 ? 'red' : 'indigo'} style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}>
        {count} {count === 1 ? 'quote' : 'quotes'}
      </Badge>
    </UnstyledButton>
  );
}
