import { Alert, Badge, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ReplacementKind } from '../../../shared/pseudonym';
import { useCoreQuery } from '../../hooks/useCoreQuery';

const KIND_LABEL: Record<ReplacementKind, string> = {
  participant: 'Participant',
  person: 'Other person',
  email: 'E-mail',
  phone: 'Phone',
  url: 'Link',
};

const SOURCE_LABEL = { pseudonym: 'pseudonym', code: 'code', generated: 'generated code' } as const;

/** Every replacement a pseudonymised export will make, read from the core before exporting. */
export function PseudonymPreview() {
  const { data, error, loading } = useCoreQuery('export:preview', {});
  if (error) return <Alert color="red" title="Could not preview the replacements">{error.message}</Alert>;
  if (loading || !data) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Finding names, e-mail addresses, phone numbers and links…
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" data-testid="pseudonym-preview">
      <Text size="sm">
        Participants appear as:{' '}
        {data.participants.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ', '}
            {p.name} → <b>{p.label}</b>
            <Text span size="xs" c="dimmed">
              {' '}
              ({SOURCE_LABEL[p.source]})
            </Text>
          </span>
        ))}
        . Set a “Pseudonym” attribute on a participant to choose theirs.
      </Text>
      <Text size="sm" c="dimmed">
        {data.replacements.length === 0 ? 'Nothing to replace in the exported texts.' : `${data.replacements.length} distinct replacements in the exported texts:`}
      </Text>
      {data.replacements.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table fz="sm" verticalSpacing={4} striped data-testid="pseudonym-replacements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Found</Table.Th>
                <Table.Th>Becomes</Table.Th>
                <Table.Th ta="right">Times</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.replacements.map((r) => (
                <Table.Tr key={`${r.kind}-${r.original}-${r.replacement}`} data-testid="pseudonym-replacement" data-kind={r.kind}>
                  <Table.Td>
                    <Badge size="sm" variant="light" color="gray" tt="none">
                      {KIND_LABEL[r.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.original}</Table.Td>
                  <Table.Td ff="monospace">{r.replacement}</Table.Td>
                  <Table.Td ta="right">{r.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
