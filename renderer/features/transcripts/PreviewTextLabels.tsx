import { Checkbox, Group, Text } from '@mantine/core';

interface Props {
  labels: string[];
  asSpeakers: string[];
  onToggle: (label: string) => void;
}

/**
 * "Name:" lines Grounded read as text inside a turn ("Initial Steps:" heading a paragraph of an
 * answer), each with a box to read it as a speaker after all, applied when the file is imported.
 */
export function PreviewTextLabels({ labels, asSpeakers, onToggle }: Props) {
  return (
    <Group gap="xs" data-testid="preview-text-labels">
      <Text size="xs" c="dimmed">
        Read as text, not speakers:
      </Text>
      {labels.map((label) => (
        <Checkbox
          key={label}
          size="xs"
          label={`“${label}:” is a speaker`}
          checked={asSpeakers.includes(label)}
          onChange={() => onToggle(label)}
          data-testid="preview-text-label"
          data-label={label}
        />
      ))}
    </Group>
  );
}
