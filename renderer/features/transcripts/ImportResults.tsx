import { Alert, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ImportFileResult } from '../../../shared/domain';
import type { JobState } from '../jobs/JobsProvider';
import { fileName } from './format';

const STATUS_COLOR: Record<ImportFileResult['status'], string> = { ok: 'teal', skipped: 'gray', error: 'red' };

/** What happened to each file of the latest import. */
export function ImportResults({ job, onClose }: { job: JobState; onClose: () => void }) {
  const { finished } = job;
  if (!finished) {
    return (
      <Group gap="xs" data-testid="import-running">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Importing… {job.progress ? `${job.progress.done}/${job.progress.total}` : ''}
        </Text>
      </Group>
    );
  }
  const results = finished.result?.imports ?? [];
  const counts = { ok: 0, skipped: 0, error: 0 };
  for (const r of results) counts[r.status] += 1;

  return (
    <Alert
      data-testid="import-results"
      variant="light"
      color={finished.status === 'completed' ? (counts.error > 0 ? 'orange' : 'teal') : 'red'}
      title={`Import ${finished.status}: ${counts.ok} imported, ${counts.skipped} skipped, ${counts.error} failed`}
      withCloseButton
      closeButtonLabel="Dismiss import results"
      onClose={onClose}
    >
      <Stack gap="xs">
        {finished.error && <Text size="sm">{finished.error.message}</Text>}
        {results.length > 0 && (
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {results.map((r) => (
                <Table.Tr key={r.path} data-testid="import-result" data-status={r.status}>
                  <Table.Td w={90}>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                      {r.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td fw={500} title={r.path} style={{ whiteSpace: 'nowrap' }}>
                    {fileName(r.path)}
                  </Table.Td>
                  <Table.Td c="dimmed">{r.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  );
}
