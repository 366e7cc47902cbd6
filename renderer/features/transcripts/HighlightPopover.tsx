import { Alert, Box, Button, Group, Popover, Stack, TagsInput, Text } from '@mantine/core';
import { IconHighlight } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import type { TurnSelection } from './selection';

interface Props {
  selection: TurnSelection;
  /** Tags already used in this transcript, offered as suggestions. */
  suggestions: string[];
  onClose: () => void;
  onSaved: () => void;
}

/** Anchored at the selected words: tag them and save them as a highlight (and so a quote). */
export function HighlightPopover({ selection, suggestions, onClose, onSaved }: Props) {
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const { busy: saving, error, run } = useAction();
  const participant = selection.role === 'participant';

  const save = async () => {
    // A tag typed but not yet entered counts: the researcher clicked Save with it in the field.
    const all = [...new Set([...tags, typed].map((t) => t.trim()).filter(Boolean))];
    await run(
      () => call('highlights:create', { turnId: selection.turnId, start: selection.start, end: selection.end, tags: all }),
      () => {
        document.getSelection()?.removeAllRanges();
        onSaved();
      },
    );
  };

  const { left, top, width, height } = selection.rect;
  return (
    <Popover opened onDismiss={onClose} position="bottom" withArrow shadow="md" width={320} trapFocus={false} returnFocus={false}>
      <Popover.Target>
        <Box pos="absolute" left={left} top={top} w={width} h={height} style={{ pointerEvents: 'none' }} />
      </Popover.Target>
      <Popover.Dropdown data-testid="highlight-popover">
        {participant ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="xs">
              <Group gap={6}>
                <IconHighlight size={16} color="var(--mantine-color-yellow-7)" />
                <Text size="sm" fw={600}>
                  Highlight
                </Text>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={2}>
                “{selection.text}”
              </Text>
              <TagsInput
                label="Tags"
                placeholder="Type a tag, press Enter"
                size="xs"
                data={suggestions}
                value={tags}
                onChange={setTags}
                searchValue={typed}
                onSearchChange={setTyped}
                maxTags={20}
                clearable
                // Its suggestions must stay inside the popover, or a click on one would dismiss it.
                comboboxProps={{ withinPortal: false }}
              />
              {error && (
                <Alert color="red" p="xs">
                  <Text size="xs">{error}</Text>
                </Alert>
              )}
              <Group justify="flex-end" gap="xs">
                <Button size="xs" variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button size="xs" type="submit" loading={saving} data-testid="highlight-save">
                  Save highlight
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="xs" data-testid="highlight-not-participant">
            Highlights become quotes, so they are for participants’ words. Mark {selection.speaker} as a participant under
            Speakers to highlight here.
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
