import { ActionIcon, Badge, Box, Button, Group, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { StudyInfo } from '../../../shared/domain';
import { call } from '../../bridge';
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle';
import { plural } from '../../format';
import { useWorkspace } from '../evidence/workspace';
import { BackupsButton } from '../backups/BackupsButton';
import { UndoRedoButtons } from '../history/UndoRedoButtons';
import { EncryptionSettings } from './EncryptionSettings';
import { ResearchQuestions } from './ResearchQuestions';

const EIGHTEEN_MONTHS_MS = 18 * 30.44 * 24 * 3600 * 1000;

/** Study name, counts, age of the research, the search box, and Close. */
export function StudyHeader({ study, onClosed, search }: { study: StudyInfo; onClosed: () => void; search?: ReactNode }) {
  const [closing, setClosing] = useState(false);
  const { guard } = useWorkspace();
  const { counts } = study;
  const researchDate = study.researchDate ? new Date(study.researchDate) : null;
  const stale = researchDate !== null && Date.now() - researchDate.getTime() > EIGHTEEN_MONTHS_MS;

  const close = async () => {
    setClosing(true);
    try {
      await call('study:close', {});
    } finally {
      setClosing(false);
      onClosed();
    }
  };

  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <div style={{ minWidth: 0 }}>
          <Tooltip label={study.path} openDelay={400}>
            <Title order={3} data-testid="study-name" lineClamp={1}>
              {study.name}
            </Title>
          </Tooltip>
          <Text size="xs" c="dimmed" data-testid="study-counts" truncate="end">
            {plural(counts.transcripts, 'transcript')} · {plural(counts.participants, 'participant')} · {plural(counts.quotes, 'quote')} ·{' '}
            {plural(counts.themes, 'theme')} · {plural(counts.personas, 'persona')}
          </Text>
        </div>
        {researchDate && (
          <Tooltip label={stale ? 'This research is over 18 months old; behaviour may have changed.' : 'Newest interview'}>
            <Badge variant="light" tt="none" color={stale ? 'orange' : 'gray'} data-testid="research-date" style={{ flexShrink: 0 }}>
              <Box component="span" visibleFrom="lg">
                Research{' '}
              </Box>
              {researchDate.toLocaleDateString(undefined, { year: 'numeric', month: 'short' })}
            </Badge>
          </Tooltip>
        )}
        <ResearchQuestions study={study} />
      </Group>
      {search}
      <Group gap={4} wrap="nowrap">
        <UndoRedoButtons />
        <BackupsButton />
        <EncryptionSettings study={study} />
        <ColorSchemeToggle />
        {/* Below 1200 px (960x600, or 200% zoom) the header has no room for the words: an icon with the same name. */}
        <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} loading={closing} onClick={() => guard(() => void close())} visibleFrom="lg">
          Close study
        </Button>
        <Tooltip label="Close study">
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Close study" loading={closing} onClick={() => guard(() => void close())} hiddenFrom="lg">
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
