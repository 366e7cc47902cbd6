import { Accordion, Alert, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { ThemeItem } from './ThemeItem';
import { ThemeMap } from './ThemeMap';

/** Quotes grouped by the on-device model, biggest themes first. */
export function ThemesScreen() {
  const { data, error } = useCoreQuery('themes:list', {});
  // Real themes biggest first; the bucket of quotes that fit none comes last, set apart.
  const themes = data ? data.filter((t) => !t.outlier).sort((a, b) => b.size - a.size) : undefined;
  const outliers = data?.filter((t) => t.outlier) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Themes</Title>
        <Text c="dimmed" size="sm">
          What participants kept coming back to. Expand a theme to read its most representative quotes.
        </Text>
      </div>
      {error && <Alert color="red" title="Could not load themes">{error.message}</Alert>}
      {!themes && !error && <Skeleton h={200} radius="md" />}
      {themes && themes.length === 0 && outliers.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center" data-testid="themes-empty">
          <Text c="dimmed">No themes yet. Import transcripts, then synthesize personas to group quotes into themes.</Text>
        </Paper>
      )}
      {themes && themes.length > 0 && (
        <Accordion variant="separated" radius="md" multiple data-testid="themes-list">
          {themes.map((theme) => (
            <ThemeItem key={theme.id} theme={theme} />
          ))}
        </Accordion>
      )}
      {outliers.length > 0 && (
        <Accordion variant="separated" radius="md" multiple data-testid="themes-outliers">
          {outliers.map((theme) => (
            <ThemeItem key={theme.id} theme={theme} />
          ))}
        </Accordion>
      )}
      {themes && themes.length + outliers.length > 0 && <ThemeMap themes={[...themes, ...outliers]} />}
    </Stack>
  );
}
