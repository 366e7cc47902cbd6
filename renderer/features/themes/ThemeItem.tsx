import { Accordion, Badge, Checkbox, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { carriesQuote, readQuoteDrop } from '../evidence/dnd';
import classes from './ThemeItem.module.css';
import { RenameTheme } from './RenameTheme';
import { ThemeMenu } from './ThemeMenu';
import { ThemeQuotesList } from './ThemeQuotesList';
import { useCurate } from './useCurate';

interface Props {
  theme: Theme;
  themes: Theme[];
  expanded: boolean;
  picked: boolean;
  onPick: (picked: boolean) => void;
}

/**
 * One theme: key-phrase label, its clearest central quote, keywords, size and reach; all its quotes
 * when expanded. A quote dropped on it moves here. The outlier bucket (quotes that fit no theme) is
 * shown muted, so nobody reads it as a theme of its own; a hidden theme is marked and dimmed.
 */
export function ThemeItem({ theme, themes, expanded, picked, onPick }: Props) {
  const label = theme.outlier ? 'Fits no theme' : theme.label;
  const [renaming, setRenaming] = useState(false);
  const [over, setOver] = useState(false);
  const { run } = useCurate();

  const onDragOver = (e: DragEvent) => {
    if (!carriesQuote(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const drag = readQuoteDrop(e);
    if (!drag || drag.fromThemeId === undefined || drag.fromThemeId === theme.id) return;
    e.preventDefault();
    const fromId = drag.fromThemeId;
    void run(() => call('themes:moveQuotes', { fromId, toId: theme.id, quoteIds: [drag.quoteId] }));
  };

  return (
    <Accordion.Item
      value={String(theme.id)}
      id={`theme-${theme.id}`}
      className={classes.item}
      data-testid={theme.outlier ? 'theme-outlier' : 'theme'}
      data-theme-id={theme.id}
      data-hidden={theme.hidden || undefined}
      bg={theme.outlier ? 'var(--mantine-color-default-hover)' : undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        // Dashed, not faded: a hidden theme stays readable (and its badge says why it looks different).
        ...(theme.outlier || theme.hidden ? { borderStyle: 'dashed' } : {}),
        ...(over ? { outline: '2px solid var(--mantine-color-indigo-5)', outlineOffset: 2 } : {}),
        scrollMarginTop: 80,
      }}
    >
      <Group wrap="nowrap" gap={0} pl={theme.outlier ? 0 : 'sm'} pr={6} align="center">
        {!theme.outlier && <Checkbox aria-label={`Pick ${label} to merge`} checked={picked} onChange={(e) => onPick(e.currentTarget.checked)} data-testid="theme-pick" />}
        {renaming ? (
          <RenameTheme theme={theme} onDone={() => setRenaming(false)} />
        ) : (
          <Accordion.Control style={{ flex: 1, minWidth: 0 }}>
            {/* Named by its content (label-in-name, WCAG 2.5.3), which a screen reader hears as "Theme: …". */}
            <VisuallyHidden>Theme: </VisuallyHidden>
            <Group justify="space-between" wrap="nowrap" pr="sm">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={600} data-testid="theme-label" c={theme.outlier || theme.hidden ? 'dimmed' : undefined} truncate>
                    {label}
                  </Text>
                  {theme.hidden && (
                    <Badge size="sm" color="orange" variant="light" tt="none" data-testid="theme-hidden">
                      Hidden from personas
                    </Badge>
                  )}
                  {theme.curated && !theme.outlier && (
                    <Badge size="sm" color="gray" variant="outline" tt="none">
                      Edited
                    </Badge>
                  )}
                </Group>
                {theme.outlier ? (
                  <Text size="xs" c="dimmed">
                    Quotes too far from every theme to belong to one.
                  </Text>
                ) : (
                  theme.description && (
                    <Text size="sm" c="dimmed" fs="italic" lineClamp={2} data-testid="theme-description">
                      “{theme.description}”
                    </Text>
                  )
                )}
                <Text size="xs" c="dimmed" className={classes.inlineStats}>
                  {theme.size} {theme.size === 1 ? 'quote' : 'quotes'} · {theme.participantCount} {theme.participantCount === 1 ? 'participant' : 'participants'}
                </Text>
                <Group gap={6} mt={6}>
                  {theme.keywords.slice(0, 6).map((k) => (
                    <Badge key={k} size="sm" variant="light" color={theme.outlier ? 'gray' : 'indigo'} tt="none" fw={500}>
                      {k}
                    </Badge>
                  ))}
                </Group>
              </div>
              <Group gap="lg" wrap="nowrap" className={classes.stats}>
                <Stat value={theme.size} label={theme.size === 1 ? 'quote' : 'quotes'} testId="theme-size" />
                <Stat value={theme.participantCount} label={theme.participantCount === 1 ? 'participant' : 'participants'} />
              </Group>
            </Group>
          </Accordion.Control>
        )}
        {!theme.outlier && <ThemeMenu theme={theme} onRename={() => setRenaming(true)} />}
      </Group>
      <Accordion.Panel>{expanded && <ThemeQuotesList theme={theme} themes={themes} />}</Accordion.Panel>
    </Accordion.Item>
  );
}

function Stat({ value, label, testId }: { value: number; label: string; testId?: string }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text fw={600} size="lg" lh={1.1} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
