import { Alert, Group, Paper, Skeleton, Text, UnstyledButton } from '@mantine/core';
import type { Theme } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';

const SIZE = 480;
const PAD = 12;
const OUTLIER_COLOR = 'var(--mantine-color-gray-4)';
/** Distinct Mantine hues, cycled when there are more themes than colours. */
const PALETTE = ['indigo', 'teal', 'orange', 'grape', 'cyan', 'red', 'lime', 'pink', 'blue', 'yellow', 'violet', 'green'];

export function themeColor(index: number): string {
  return `var(--mantine-color-${PALETTE[index % PALETTE.length]}-6)`;
}

/** Every quote as a dot on a 2-D projection of its embedding, coloured by theme. */
export function ThemeMap({ themes, onSelect }: { themes: Theme[]; onSelect?: (themeId: number) => void }) {
  const { data, error } = useCoreQuery('themes:map', {});
  const byId = new Map(themes.map((t) => [t.id, t]));
  // Colours follow the order the themes are listed in, so the legend reads like the list.
  const colourOf = new Map(themes.filter((t) => !t.outlier).map((t, i) => [t.id, themeColor(i)]));
  const toPx = (v: number) => PAD + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * (SIZE - 2 * PAD);

  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600}>Theme map</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Each dot is a quote; quotes close together say similar things. Grey dots fit no theme. Hover a dot for its theme; click a dot or a legend entry to open that theme.
      </Text>
      {error && <Alert color="red" title="Could not load the theme map">{error.message}</Alert>}
      {!data && !error && <Skeleton h={SIZE / 2} radius="md" />}
      {data && (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <svg
            data-testid="theme-map"
            role="img"
            aria-label={`Theme map of ${data.length} quotes`}
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            width="100%"
            style={{ maxWidth: SIZE, background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}
          >
            {data.map((p) => {
              const theme = byId.get(p.themeId);
              const outlier = !theme || theme.outlier;
              return (
                <circle
                  key={p.quoteId}
                  data-quote-id={p.quoteId}
                  cx={toPx(p.x)}
                  cy={toPx(-p.y)}
                  r={4}
                  fill={outlier ? OUTLIER_COLOR : (colourOf.get(p.themeId) ?? OUTLIER_COLOR)}
                  fillOpacity={outlier ? 0.7 : 0.85}
                  onClick={theme ? () => onSelect?.(theme.id) : undefined}
                  style={onSelect ? { cursor: 'pointer' } : undefined}
                >
                  <title>{outlier ? 'Fits no theme' : theme.label}</title>
                </circle>
              );
            })}
          </svg>
          <Legend themes={themes} colourOf={colourOf} onSelect={onSelect} />
        </Group>
      )}
    </Paper>
  );
}

function Legend({ themes, colourOf, onSelect }: { themes: Theme[]; colourOf: Map<number, string>; onSelect?: (themeId: number) => void }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, flex: 1, minWidth: 200 }} aria-label="Legend">
      {themes.map((t) => (
        <li key={t.id} style={{ marginBottom: 4 }}>
          <UnstyledButton onClick={() => onSelect?.(t.id)} style={{ display: 'flex', gap: 8, alignItems: 'center', maxWidth: '100%' }} data-testid="legend-item">
            <svg width={10} height={10} aria-hidden style={{ flexShrink: 0 }}>
              <circle cx={5} cy={5} r={5} fill={t.outlier ? OUTLIER_COLOR : colourOf.get(t.id)} />
            </svg>
            <Text size="xs" c={t.outlier ? 'dimmed' : undefined} truncate>
              {t.outlier ? 'Fits no theme' : t.label}
              {t.hidden ? ' (hidden)' : ''}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  );
}
