import { Alert, Box, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import type { StudyInfo } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';

const MAX_QUESTIONS = 20;

/** "What do you need to learn?": the study's research questions, one per line, on the deck's cover. */
export function ResearchQuestions({ study }: { study: StudyInfo }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const questions = study.questions;
  const label = questions.length ? `${questions.length} research question${questions.length === 1 ? '' : 's'}` : 'Research questions';
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  const edit = () => {
    setText(questions.join('\n'));
    setOpen(true);
  };
  const save = () => run(() => call('study:setQuestions', { questions: lines }), () => setOpen(false));

  return (
    <>
      <Tooltip label={questions.length ? questions.join(' · ') : 'Say what the research needs to learn'} multiline w={360} openDelay={300}>
        <Button
          variant={questions.length ? 'light' : 'subtle'}
          color={questions.length ? 'indigo' : 'gray'}
          size="xs"
          leftSection={<IconTarget size={14} />}
          onClick={edit}
          data-testid="questions-button"
          aria-label={label}
          style={{ flexShrink: 0 }}
          px={{ base: 8, lg: 'sm' }}
        >
          {/* Below 1200 px the icon alone, named by aria-label and the tooltip: the words were cut to "Research q…". */}
          <Box component="span" visibleFrom="lg">
            {label}
          </Box>
        </Button>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title="What do you need to learn?" size="lg">
        <form
          data-testid="questions-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              One question per line. They frame the study, and the persona deck's cover lists them.
            </Text>
            <Textarea
              aria-label="Research questions"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={12}
              placeholder={'How do people decide what to pay first each month?\nWhat makes someone switch budgeting apps?'}
              data-autofocus
            />
            {lines.length > MAX_QUESTIONS && (
              <Text size="sm" c="red">
                At most {MAX_QUESTIONS} questions; keep the ones that matter most.
              </Text>
            )}
            {error && (
              <Alert color="red" title="Could not save">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={lines.length > MAX_QUESTIONS || lines.some((l) => l.length > 500)} data-testid="questions-save">
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
