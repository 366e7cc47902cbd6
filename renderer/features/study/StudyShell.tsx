import { AppShell, Badge, NavLink, Stack, Text } from '@mantine/core';
import { IconAddressBook, IconBulb, IconFileExport, IconFileText, IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { StudyInfo } from '../../../shared/domain';
import { ExportScreen } from '../export/ExportScreen';
import { ParticipantsScreen } from '../participants/ParticipantsScreen';
import { PersonasScreen } from '../personas/PersonasScreen';
import { SearchBox } from '../search/SearchBox';
import { SearchScreen } from '../search/SearchScreen';
import { ThemesScreen } from '../themes/ThemesScreen';
import { TranscriptsScreen } from '../transcripts/TranscriptsScreen';
import { TranscriptView } from '../transcripts/TranscriptView';
import { useBridgeEvent } from '../../hooks/useBridgeEvent';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { WorkspaceDialogs } from '../evidence/WorkspaceDialogs';
import { useWorkspaceState, WorkspaceContext } from '../evidence/workspace';
import { ModelBanner } from './ModelBanner';
import { StudyHeader } from './StudyHeader';
import { useStudyNav, type Section } from './useStudyNav';
import { APP_BACKGROUND } from '../../theme';

interface NavItem {
  section: Exclude<Section, 'search'>;
  label: string;
  icon: ReactNode;
  count?: number;
}

/** The study home: header with search, section navigation and the active section. */
export function StudyShell({ study, onClosed }: { study: StudyInfo; onClosed: () => void }) {
  const nav = useStudyNav();
  const [importRequested, setImportRequested] = useState(false);
  // The curation workspace: the evidence side panel, the persona editor's draft, unsaved-edit guard.
  const ws = useWorkspaceState(nav.openTranscript);
  useBridgeEvent('menu:command', ({ command }) => {
    if (command === 'import') {
      ws.guard(() => {
        nav.go('transcripts');
        setImportRequested(true);
      });
    } else if (command === 'export') ws.guard(() => nav.go('export'));
  });
  const { section, transcript } = nav;

  const items: NavItem[] = [
    { section: 'transcripts', label: 'Transcripts', icon: <IconFileText size={18} />, count: study.counts.transcripts },
    { section: 'participants', label: 'Participants', icon: <IconAddressBook size={18} />, count: study.counts.participants },
    { section: 'themes', label: 'Themes', icon: <IconBulb size={18} />, count: study.counts.themes },
    { section: 'personas', label: 'Personas', icon: <IconUsers size={18} />, count: study.counts.personas },
    { section: 'export', label: 'Export', icon: <IconFileExport size={18} /> },
  ];

  return (
    <WorkspaceContext.Provider value={ws}>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 220, breakpoint: 0 }}
        aside={{ width: { base: 320, lg: 420 }, breakpoint: 0, collapsed: { desktop: ws.panel === null, mobile: ws.panel === null } }}
        padding="lg"
        bg={APP_BACKGROUND}
      >
        <AppShell.Header>
          <StudyHeader
            study={study}
            onClosed={onClosed}
            search={<SearchBox value={nav.query} onChange={(q) => (q.trim() ? ws.guard(() => nav.search(q)) : nav.search(q))} onFocus={nav.resumeSearch} />}
          />
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Study sections">
          <Stack gap={4}>
            {items.map((item) => (
              <NavLink
                key={item.section}
                label={item.label}
                leftSection={item.icon}
                active={section === item.section}
                onClick={() => ws.guard(() => nav.go(item.section))}
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
              (transcript === null ? (
                <TranscriptsScreen onOpen={(id) => nav.openTranscript(id)} importRequested={importRequested} onImportOpened={() => setImportRequested(false)} />
              ) : (
                <TranscriptView key={transcript.id} id={transcript.id} focus={transcript.focus} onBack={nav.closeTranscript} />
              ))}
            {section === 'participants' && <ParticipantsScreen />}
            {section === 'search' && <SearchScreen query={nav.query} onOpen={(hit) => nav.openTranscript(hit.transcriptId, hit.turnId)} />}
            {section === 'themes' && <ThemesScreen />}
            {section === 'personas' && <PersonasScreen />}
            {section === 'export' && <ExportScreen />}
          </Stack>
        </AppShell.Main>
        <AppShell.Aside>
          <EvidencePanel />
        </AppShell.Aside>
      </AppShell>
      <WorkspaceDialogs />
    </WorkspaceContext.Provider>
  );
}
