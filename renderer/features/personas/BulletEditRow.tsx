import { ActionIcon, Badge, Group, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import type { Bullet } from '../../../shared/domain';
import { carriesQuote, readQuoteDrop } from '../evidence/dnd';
import { useWorkspace, type BulletRef } from '../evidence/workspace';

interface Props {
  label: string;
  bullet: Bullet;
  bulletRef: BulletRef;
  count: number;
  onText: (text: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One claim being edited: its text, its evidence (click to see or remove, drop a quote to add), its place. */
export function BulletEditRow({ label, bullet, bulletRef, count, onText, onMove, onRemove }: Props) {
  const ws = useWorkspace();
  const [over, setOver] = useState(false);
  const i = bulletRef.index;
  const n = bullet.evidence.length;
  const name = `${label} bullet ${i + 1}`;

  const onDragOver = (e: DragEvent) => {
    if (!carriesQuote(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const drag = readQuoteDrop(e);
    if (!drag) return;
    e.preventDefault();
    ws.editor?.addEvidence(bulletRef, drag.quoteId);
  };

  return (
    <Group
      align="flex-start"
      gap="xs"
      wrap="nowrap"
      data-testid="edit-bullet"
      data-evidence={n}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      p={4}
      style={{ borderRadius: 6, outline: over ? '2px dashed var(--mantine-color-indigo-5)' : undefined, background: over ? 'var(--mantine-color-indigo-light)' : undefined }}
    >
      <Textarea aria-label={name} value={bullet.text} onChange={(e) => onText(e.currentTarget.value)} autosize minRows={1} maxRows={5} style={{ flex: 1 }} />
      <Tooltip label={n === 0 ? 'Unsupported: no quote backs this claim. Click to find one, or drop a quote here.' : `${n} supporting ${n === 1 ? 'quote' : 'quotes'}: click to see or remove`} multiline maw={260}>
        <UnstyledButton
          mt={8}
          onClick={() => ws.show(n === 0 ? { kind: 'find', ref: bulletRef } : { kind: 'evidence', title: name, ids: bullet.evidence, ref: bulletRef })}
          aria-label={n === 0 ? `${name} is unsupported: find quotes` : `Show the ${n} ${n === 1 ? 'quote' : 'quotes'} of ${name}`}
          data-testid="edit-evidence-badge"
        >
          {n === 0 ? (
            <Badge size="sm" variant="filled" color="red" tt="none" data-testid="edit-unsupported">
              unsupported
            </Badge>
          ) : (
            <Badge size="sm" variant="light" color="indigo" tt="none" style={{ whiteSpace: 'nowrap' }}>
              {n} {n === 1 ? 'quote' : 'quotes'}
            </Badge>
          )}
        </UnstyledButton>
      </Tooltip>
      <Group gap={2} mt={4} wrap="nowrap">
        <Tooltip label="Find quotes for this claim" openDelay={300}>
          <ActionIcon variant="subtle" color="indigo" aria-label={`Find quotes for ${name}`} onClick={() => ws.show({ kind: 'find', ref: bulletRef })} data-testid="edit-find">
            <IconSearch size={16} />
          </ActionIcon>
        </Tooltip>
        <ActionIcon variant="subtle" color="gray" aria-label={`Move ${name} up`} disabled={i === 0} bg={i === 0 ? 'transparent' : undefined} onClick={() => onMove(i - 1)}>
          <IconArrowUp size={16} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="gray" aria-label={`Move ${name} down`} disabled={i === count - 1} bg={i === count - 1 ? 'transparent' : undefined} onClick={() => onMove(i + 1)}>
          <IconArrowDown size={16} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Group>
  );
}
