import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SynthesisSummary } from '../../../shared/domain';
import { SaturationChart } from './SaturationChart';

/** How the latest run was made and how far to trust it: model, seed, chosen k, scores, saturation. */
export function SynthesisSummaryPanel({ summary }: { summary: SynthesisSummary }) {
  const { run, saturation } = summary;
  if (!run) return null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="synthesis-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Text fw={600}>About this run</Text>
          <Text size="xs" c="dimmed">
            {new Date(run.createdAt).toLocaleString()}
          </Text>
        </Group>
        {!run.clearlyBetterThanOne && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="not-better-than-one">
            No grouping of participants is clearly better than one group — treat these personas as provisional.
          </Alert>
        )}
        <Group gap="lg">
          <Fact label="Model" value={run.modelId} testId="summary-model" />
          <Fact label="Seed" value={String(run.seed)} testId="summary-seed" />
          <Fact label="Themes (k)" value={String(run.themeK)} testId="summary-theme-k" />
          <Fact label="Personas (k)" value={String(run.personaK)} testId="summary-persona-k" />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Scores title="Theme k, silhouette" scores={run.themeScores} chosen={run.themeK} testId="theme-scores" />
          <Scores title="Persona k, silhouette" scores={run.personaScores} chosen={run.personaK} testId="persona-scores" />
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              Saturation
            </Text>
            <SaturationChart curve={saturation.curve} />
            {saturation.note && (
              <Text size="xs" c="dimmed" data-testid="saturation-note">
                {saturation.note}
              </Text>
            )}
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  );
}

function Scores({ title, scores, chosen, testId }: { title: string; scores: Record<string, number>; chosen: number; testId: string }) {
  const rows = Object.entries(scores).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <div data-testid={testId}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed">
          Not recorded (k was fixed).
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={2} fz="xs">
          <Table.Tbody>
            {rows.map(([k, score]) => (
              <Table.Tr key={k} fw={Number(k) === chosen ? 700 : undefined}>
                <Table.Td w={40}>k={k}</Table.Td>
                <Table.Td>{score.toFixed(3)}</Table.Td>
                <Table.Td>
                  {Number(k) === chosen && (
                    <Badge size="xs" variant="light">
                      chosen
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
