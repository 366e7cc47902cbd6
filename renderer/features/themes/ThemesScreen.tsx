import { Accordion, Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { MergeThemesDialog } from './MergeThemesDialog';
import { ThemeItem } from './ThemeItem';
import { ThemeMap } from './ThemeMap';

/** Quotes grouped by the on-device model, biggest themes first, shaped by the researcher: rename, merge, split, move, hide. */
export function ThemesScreen() {
  const { data, error } = useCoreQuery('themes:list', {});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [merging, setMerging] = useState(false);
  // Real themes biggest first; the bucket of quotes that fit none comes last, set apart.
  const themes = data ? data.filter((t) => !t.outlier).sort((a, b) => b.size - a.size) : undefined;
  const outliers = data?.filter((t) => t.outlier) ?? [];
  const all = [...(themes ?? []), ...outliers];
  const pickedThemes = (themes ?? []).filter((t) => picked.has(t.id));

  const pick = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const select = (themeId: number) => {
    setExpanded((prev) => (prev.includes(String(themeId)) ? prev : [...prev, String(themeId)]));
    requestAnimationFrame(() => document.getElementById(`theme-${themeId}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const item = (t: (typeof all)[number]) => (
    <ThemeItem key={t.id} theme={t} themes={all} expanded={expanded.includes(String(t.id))} picked={picked.has(t.id)} onPick={(on) => pick(t.id, on)} />
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Themes</Title>
          <Text c="dimmed" size="sm">
            What participants kept coming back to. Expand a theme to read all its quotes; pick quotes to split or move them, or drag one onto another theme.
          </Text>
        </div>
        <Group gap="xs">
          {picked.size > 0 && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => setPicked(new Set())}>
              Clear picks
            </Button>
          )}
          <Button size="xs" leftSection={<IconArrowMerge size={14} />} disabled={pickedThemes.length < 2} onClick={() => setMerging(true)} data-testid="merge-themes">
            {pickedThemes.length >= 2 ? `Merge ${pickedThemes.length} themes` : 'Merge themes'}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red" title="Could not load themes">{error.message}</Alert>}
      {!themes && !error && <Skeleton h={200} radius="md" />}
      {themes && themes.length === 0 && outliers.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center" data-testid="themes-empty">
          <Text c="dimmed">No themes yet. Import transcripts, then synthesize personas to group quotes into themes.</Text>
        </Paper>
      )}
      {themes && themes.length > 0 && (
        <Accordion variant="separated" radius="md" multiple value={expanded} onChange={setExpanded} data-testid="themes-list">
          {themes.map(item)}
        </Accordion>
      )}
      {outliers.length > 0 && (
        <Accordion variant="separated" radius="md" multiple value={expanded} onChange={setExpanded} data-testid="themes-outliers">
          {outliers.map(item)}
        </Accordion>
      )}
      {all.length > 0 && <ThemeMap themes={all} onSelect={select} />}
      {merging && <MergeThemesDialog themes={pickedThemes} onClose={() => setMerging(false)} onMerged={() => setPicked(new Set())} />}
    </Stack>
  );
}
