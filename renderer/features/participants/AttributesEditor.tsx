import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { duplicateKeys, type AttributeRow } from './profileDraft';

interface Props {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  error?: string;
}

/** Free-form facts about a participant ("Household: single", "City: Leeds"), as key/value rows. */
export function AttributesEditor({ rows, onChange, error }: Props) {
  const dupes = duplicateKeys(rows);
  const update = (i: number, patch: Partial<AttributeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap={6} data-testid="attributes-editor">
      <Text size="sm" fw={500}>
        Custom attributes
      </Text>
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          None yet. Sheet columns the app does not know become attributes too.
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            w={150}
            placeholder="Attribute"
            aria-label={`Attribute ${i + 1} name`}
            value={row.key}
            maxLength={200}
            error={dupes.includes(row.key.trim()) ? 'Used twice' : undefined}
            onChange={(e) => update(i, { key: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            placeholder="Value"
            aria-label={`Attribute ${i + 1} value`}
            value={row.value}
            maxLength={2000}
            onChange={(e) => update(i, { value: e.currentTarget.value })}
          />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove attribute ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} mt={2}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, { key: '', value: '' }])}>
          Add attribute
        </Button>
      </Group>
    </Stack>
  );
}
