import { ActionIcon, Alert, Badge, Group, Paper, Skeleton, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFileText, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TranscriptSummary } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { APP_BACKGROUND } from '../../theme';
import { DeleteTranscriptDialog } from './DeleteTranscriptDialog';
import { FORMAT_LABEL, formatDate } from './format';

/** One row per imported transcript; a row opens the transcript, its bin deletes it after saying what goes. */
export function TranscriptsTable({ onOpen }: { onOpen: (id: number) => void }) {
  const { data, error, loading, refetch } = useCoreQuery('transcripts:list', {});
  const [deleting, setDeleting] = useState<TranscriptSummary | null>(null);

  if (error) return <Alert color="red" title="Could not load transcripts">{error.message}</Alert>;
  if (!data && loading) return <Skeleton h={160} radius="md" />;
  if (!data || data.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" ta="center" data-testid="transcripts-empty">
        <Text c="dimmed">No transcripts yet. Import interview files to get started.</Text>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="transcripts-table">
        <Table.Thead bg={APP_BACKGROUND}>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>Participants</Table.Th>
            <Table.Th>Interviewer</Table.Th>
            <Table.Th ta="right">Quotes</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((t) => (
            <Table.Tr
              key={t.id}
              data-testid="transcript-row"
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(t.id)}
              onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen(t.id)}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <IconFileText size={16} color="var(--mantine-color-gray-6)" />
                  <Text size="sm" fw={500} title={t.sourcePath}>
                    {t.fileName}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" size="sm">
                  {FORMAT_LABEL[t.format]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.participants.join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={t.interviewer ? undefined : 'dimmed'}>
                  {t.interviewer ?? 'not set'}
                </Text>
              </Table.Td>
              <Table.Td ta="right" data-testid="transcript-quotes">
                <Text size="sm">{t.quoteCount}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDate(t.interviewDate ?? t.importedAt)}
                </Text>
              </Table.Td>
              <Table.Td w={48}>
                <Tooltip label="Delete transcript…">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Delete ${t.fileName}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      setDeleting(t);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DeleteTranscriptDialog transcript={deleting} onClose={() => setDeleting(null)} onDeleted={refetch} />
    </Paper>
  );
}
