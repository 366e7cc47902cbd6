import { ActionIcon, Group, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { EvidenceListView } from './EvidenceListView';
import { FindEvidence } from './FindEvidence';
import { QuoteContextView } from './QuoteContextView';
import { useWorkspace, type Panel } from './workspace';

function keyOf(panel: Panel): string {
  if (panel.kind === 'quote') return `quote:${panel.quoteId}`;
  if (panel.kind === 'evidence') return `evidence:${panel.title}`;
  return `find:${panel.ref ? `${panel.ref.section}:${panel.ref.index}` : ''}`;
}

function titleOf(panel: Panel): string {
  if (panel.kind === 'quote') return 'Quote';
  if (panel.kind === 'evidence') return panel.title;
  return 'Find evidence';
}

/** The evidence side panel: a quote in its context, a claim's quotes, or the search for more. */
export function EvidencePanel() {
  const ws = useWorkspace();
  const { panel, close } = ws;
  const box = useRef<HTMLDivElement>(null);
  // Escape closes the panel when nothing else (a menu, a dialog, a field) is taking it.
  useEffect(() => {
    if (!panel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target;
      if (t === document.body || (t instanceof Node && box.current?.contains(t) && !(t instanceof HTMLInputElement))) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [panel, close]);
  if (!panel) return null;
  return (
    <Stack ref={box} gap={0} h="100%" data-testid="evidence-panel" aria-label="Evidence">
      <Group justify="space-between" wrap="nowrap" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          {ws.back && (
            <Tooltip label="Back">
              <ActionIcon variant="subtle" color="gray" aria-label="Back" onClick={ws.back} data-testid="evidence-back">
                <IconArrowLeft size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Text fw={600} truncate data-testid="evidence-title">
            {titleOf(panel)}
          </Text>
        </Group>
        <ActionIcon variant="subtle" color="gray" aria-label="Close the evidence panel" onClick={ws.close} data-testid="evidence-close">
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          {ws.stack.map((p, i) => (
            <div key={`${i}:${keyOf(p)}`} style={{ display: i === ws.stack.length - 1 ? undefined : 'none' }}>
              {p.kind === 'quote' && <QuoteContextView quoteId={p.quoteId} />}
              {p.kind === 'evidence' && <EvidenceListView ids={p.ids} bullet={p.ref} />}
              {p.kind === 'find' && <FindEvidence initial={p.ref} />}
            </div>
          ))}
        </div>
      </ScrollArea>
    </Stack>
  );
}
