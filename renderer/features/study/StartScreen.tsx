import { Alert, Button, Center, Divider, Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconFilePlus, IconFolderOpen, IconHistory, IconQuote } from '@tabler/icons-react';
import { useAction } from '../../hooks/useAction';
import { RestoreLatestBackup } from '../backups/RestoreLatestBackup';
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle';
import { usePickPaths } from '../../components/PathPrompt';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { createStudyAsking, useAskCreateFolders } from './createStudy';
import { openStudyAsking, usePassphrasePrompt } from './PassphrasePrompt';
import classes from './StartScreen.module.css';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Create a study, open one, or reopen a recent one. */
export function StartScreen({ onOpened, loadError }: { onOpened: () => void; loadError: string | null }) {
  const pickPaths = usePickPaths();
  const recent = useCoreQuery('study:recent', {});
  const action = useAction();
  const { busy, error } = action;
  const run = (work: () => Promise<unknown>) => action.run(work, onOpened);
  const folders = useAskCreateFolders();
  const passphrase = usePassphrasePrompt();
  const message = error ?? loadError;

  const createOrOpen = (kind: 'createStudy' | 'openStudy') =>
    run(async () => {
      const paths = await pickPaths(kind);
      const path = paths?.[0];
      if (!path) return;
      if (kind === 'createStudy') await createStudyAsking(path, folders.ask);
      else await openStudyAsking(path, passphrase.ask);
    });

  return (
    <Center mih="100vh" p="xl" className={classes.backdrop}>
      <Paper withBorder shadow="sm" radius="lg" p={40} w={560} data-testid="start-screen">
        <Stack gap="lg">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={44} radius="md" variant="light">
              <IconQuote size={26} />
            </ThemeIcon>
            <div>
              <Title order={2}>Grounded</Title>
              <Text c="dimmed" size="sm">
                Personas from interview transcripts, built on this machine.
              </Text>
            </div>
            <div style={{ marginLeft: 'auto' }}>
              <ColorSchemeToggle />
            </div>
          </Group>
          {message && (
            <Alert color="red" title={/this file is not a Grounded study/i.test(message) ? 'This file is not a Grounded study' : 'The study could not be opened'} data-testid="start-error">
              {message}
              <RestoreLatestBackup message={message} onRestored={onOpened} />
            </Alert>
          )}
          <Group grow>
            <Button size="md" leftSection={<IconFilePlus size={18} />} loading={busy} onClick={() => createOrOpen('createStudy')}>
              Create study
            </Button>
            <Button size="md" variant="default" leftSection={<IconFolderOpen size={18} />} disabled={busy} onClick={() => createOrOpen('openStudy')}>
              Open study
            </Button>
          </Group>
          <Divider label="Recent studies" labelPosition="left" />
          {recent.data && recent.data.length > 0 ? (
            <Stack gap={4} data-testid="recent-studies">
              {recent.data.map((path) => (
                <UnstyledButton key={path} className={classes.recent} disabled={busy} onClick={() => run(() => openStudyAsking(path, passphrase.ask))}>
                  <Group gap="sm" wrap="nowrap">
                    <IconHistory size={16} color="var(--mantine-color-dimmed)" />
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {baseName(path)}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {path}
                      </Text>
                    </div>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No recent studies yet.
            </Text>
          )}
        </Stack>
      </Paper>
      {folders.dialog}
      {passphrase.dialog}
    </Center>
  );
}
