import { AppShell, Badge, NavLink, Stack, Text } from '@mantine/core';
import { IconBulb, IconFileExport, IconFileText, IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { StudyInfo } from '../../../shared/domain';
import { ExportScreen } from '../export/ExportScreen';
import { PersonasScreen } from '../personas/PersonasScreen';
import { ThemesScreen } from '../themes/ThemesScreen';
import { TranscriptsScreen } from '../transcripts/TranscriptsScreen';
import { TranscriptView } from '../transcripts/TranscriptView';
import { ModelBanner } from './ModelBanner';
import { StudyHeader } from './StudyHeader';

export type Section = 'transcripts' | 'themes' | 'personas' | 'export';

interface NavItem {
  section: Section;
  label: string;
  icon: ReactNode;
  count?: number;
}

/** The study home: header, section navigation and the active section. */
export function StudyShell({ study, onClosed }: { study: StudyInfo; onClosed: () => void }) {
  const [section, setSection] = useState<Section>('transcripts');
  const [transcriptId, setTranscriptId] = useState<number | null>(null);

  const nav: NavItem[] = [
    { section: 'transcripts', label: 'Transcripts', icon: <IconFileText size={18} />, count: study.counts.transcripts },
    { section: 'themes', label: 'Themes', icon: <IconBulb size={18} />, count: study.counts.themes },
    { section: 'personas', label: 'Personas', icon: <IconUsers size={18} />, count: study.counts.personas },
    { section: 'export', label: 'Export', icon: <IconFileExport size={18} /> },
  ];

  const go = (next: Section) => {
    setSection(next);
    setTranscriptId(null);
  };

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg" bg="gray.0">
      <AppShell.Header>
        <StudyHeader study={study} onClosed={onClosed} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Study sections">
        <Stack gap={4}>
          {nav.map((item) => (
            <NavLink
              key={item.section}
              label={item.label}
              leftSection={item.icon}
              active={section === item.section}
              onClick={() => go(item.section)}
              data-testid={`nav-${item.section}`}
              rightSection={
                item.count !== undefined ? (
                  <Badge size="sm" variant={section === item.section ? 'filled' : 'light'} color="gray" circle={item.count < 10}>
                    {item.count}
                  </Badge>
                ) : null
              }
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          Everything stays on this computer.
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack gap="lg" maw={1200} mx="auto" pb={140}>
          <ModelBanner />
          {section === 'transcripts' &&
            (transcriptId === null ? (
              <TranscriptsScreen onOpen={setTranscriptId} />
            ) : (
              <TranscriptView id={transcriptId} onBack={() => setTranscriptId(null)} />
            ))}
          {section === 'themes' && <ThemesScreen />}
          {section === 'personas' && <PersonasScreen />}
          {section === 'export' && <ExportScreen />}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
