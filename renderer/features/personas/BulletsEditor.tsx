import { ActionIcon, Badge, Button, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Bullet } from '../../../shared/domain';
import { move } from './personaDraft';

interface Props {
  label: string;
  section: string;
  bullets: Bullet[];
  onChange: (bullets: Bullet[]) => void;
}

/** Edit, add, remove and reorder the bullets of one persona section; evidence travels with its bullet. */
export function BulletsEditor({ label, section, bullets, onChange }: Props) {
  const update = (i: number, text: string) => onChange(bullets.map((b, j) => (j === i ? { ...b, text } : b)));

  return (
    <Stack gap="xs" data-testid={`edit-${section}`}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {bullets.map((b, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="edit-bullet">
          <Textarea
            aria-label={`${label} bullet ${i + 1}`}
            value={b.text}
            onChange={(e) => update(i, e.currentTarget.value)}
            autosize
            minRows={1}
            maxRows={5}
            style={{ flex: 1 }}
          />
          <Tooltip label={b.evidence.length === 0 ? 'No quote backs this bullet' : `${b.evidence.length} supporting quotes`}>
            <Badge mt={8} size="sm" variant={b.evidence.length ? 'light' : 'outline'} color={b.evidence.length ? 'gray' : 'red'} miw={34}>
              {b.evidence.length}
            </Badge>
          </Tooltip>
          <Group gap={2} mt={4} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${label} bullet ${i + 1} up`} disabled={i === 0} onClick={() => onChange(move(bullets, i, i - 1))}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${label} bullet ${i + 1} down`}
              disabled={i === bullets.length - 1}
              onClick={() => onChange(move(bullets, i, i + 1))}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label} bullet ${i + 1}`} onClick={() => onChange(bullets.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...bullets, { text: '', evidence: [] }])}
          aria-label={`Add ${label} bullet`}
        >
          Add bullet
        </Button>
      </Group>
    </Stack>
  );
}
