import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { JobPanel } from './features/jobs/JobPanel';
import { useJobs } from './features/jobs/JobsProvider';
import { StartScreen } from './features/study/StartScreen';
import { StudyShell } from './features/study/StudyShell';
import { useAskCreateFolders } from './features/study/createStudy';
import { usePassphrasePrompt } from './features/study/PassphrasePrompt';
import { useStudyMenu } from './features/study/useStudyMenu';
import { useCoreQuery } from './hooks/useCoreQuery';

export function App() {
  const study = useCoreQuery('study:info', {});
  const info = study.data;
  const folders = useAskCreateFolders();
  const passphrase = usePassphrasePrompt();
  const menu = useStudyMenu(study.refetch, folders.ask, passphrase.ask);
  // Messages belong to their study: a finished job's outcome is dismissed when another study opens or it closes.
  const { dismissFinished } = useJobs();
  const path = info === undefined ? undefined : (info?.path ?? null);
  useEffect(() => {
    if (path !== undefined) dismissFinished();
  }, [path, dismissFinished]);

  return (
    <>
      {info === undefined && !study.error ? (
        <Center h="100vh">
          <Loader aria-label="Loading" />
        </Center>
      ) : info ? (
        <StudyShell study={info} onClosed={study.refetch} />
      ) : (
        <StartScreen onOpened={study.refetch} loadError={menu.error ?? study.error?.message ?? null} />
      )}
      <JobPanel />
      {folders.dialog}
      {passphrase.dialog}
    </>
  );
}
