import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Bullet, BulletSection } from '../../../shared/domain';
import { BulletEditRow } from './BulletEditRow';
import { move } from './personaDraft';

interface Props {
  label: string;
  section: BulletSection;
  bullets: Bullet[];
  onChange: (bullets: Bullet[]) => void;
}

/** Edit, add, remove and reorder the bullets of one persona section; evidence travels with its bullet. */
export function BulletsEditor({ label, section, bullets, onChange }: Props) {
  return (
    <Stack gap={4} data-testid={`edit-${section}`}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {bullets.map((b, i) => (
        <BulletEditRow
          key={i}
          label={label}
          bullet={b}
          bulletRef={{ section, index: i }}
          count={bullets.length}
          onText={(text) => onChange(bullets.map((x, j) => (j === i ? { ...x, text } : x)))}
          onMove={(to) => onChange(move(bullets, i, to))}
          onRemove={() => onChange(bullets.filter((_, j) => j !== i))}
        />
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...bullets, { text: '', evidence: [] }])}
          aria-label={`Add ${label} bullet`}
        >
          {/* The visible words are part of the name (WCAG 2.5.3); the section heading says which list. */}
          Add
        </Button>
      </Group>
    </Stack>
  );
}
