import { Paper, Table } from '@mantine/core';
import type { ParticipantDetail } from '../../../shared/domain';
import { APP_BACKGROUND } from '../../theme';
import { ParticipantRow } from './ParticipantRow';

interface Props {
  participants: ParticipantDetail[];
  onEdit: (p: ParticipantDetail) => void;
  onMerge: (p: ParticipantDetail) => void;
  onRemove: (p: ParticipantDetail) => void;
}

/** Everyone's record at a glance; a row opens the editor. */
export function ParticipantsTable({ participants, onEdit, onMerge, onRemove }: Props) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={960} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" data-testid="participants-table" fz="sm">
          <Table.Thead bg={APP_BACKGROUND}>
            <Table.Tr>
              <Table.Th>Participant</Table.Th>
              <Table.Th>Segment</Table.Th>
              <Table.Th>Experience</Table.Th>
              <Table.Th>Work</Table.Th>
              <Table.Th>Interviewed</Table.Th>
              <Table.Th>Consent</Table.Th>
              <Table.Th ta="right">Transcripts</Table.Th>
              <Table.Th ta="right">Quotes</Table.Th>
              <Table.Th>Notes</Table.Th>
              <Table.Th w={72} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.map((p) => (
              <ParticipantRow key={p.id} participant={p} canMerge={participants.length > 1} onEdit={() => onEdit(p)} onMerge={() => onMerge(p)} onRemove={() => onRemove(p)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
