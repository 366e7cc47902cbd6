import { Badge, Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { JobKind, JobStatus } from '../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useJobs } from './JobsProvider';

const TITLES: Record<JobKind, string> = { import: 'Importing transcripts', synthesize: 'Synthesizing personas', export: 'Exporting personas' };
/** A completed job needs no attention; failures and cancellations stay until dismissed. */
const COMPLETED_LINGER_MS = 6000;
const STATUS_COLOR: Record<JobStatus, string> = { completed: 'teal', failed: 'red', cancelled: 'gray' };

/** The global job panel: progress of the current job, Cancel, and how it ended. */
export function JobPanel() {
  const { jobs, currentId, cancelJob, dismiss } = useJobs();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const job = currentId ? jobs[currentId] : undefined;
  const completedId = job?.finished?.status === 'completed' ? job.jobId : null;

  useEffect(() => {
    if (!completedId) return;
    const timer = setTimeout(() => dismiss(completedId), COMPLETED_LINGER_MS);
    return () => clearTimeout(timer);
  }, [completedId, dismiss]);

  if (!job) return null;

  const { progress, finished } = job;
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const percent = finished?.status === 'completed' ? 100 : total > 0 ? (done / total) * 100 : 0;

  return (
    <Paper
      data-testid="job-panel"
      role="status"
      aria-label="Job progress"
      withBorder
      shadow="md"
      radius="md"
      p="md"
      w={360}
      // Below Mantine's modals (200) so an open editor's buttons stay reachable.
      style={{ position: 'fixed', right: 20, bottom: 20, zIndex: 190 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {TITLES[job.kind]}
          </Text>
          {finished ? (
            <Group gap={4} wrap="nowrap">
              <Badge data-testid="job-status" color={STATUS_COLOR[finished.status]} variant="light">
                {finished.status}
              </Badge>
              <CloseButton size="sm" aria-label="Dismiss job" onClick={() => dismiss(job.jobId)} />
            </Group>
          ) : (
            <Text data-testid="job-count" size="xs" c="dimmed">
              {total > 0 ? `${done}/${total}` : 'Starting…'}
            </Text>
          )}
        </Group>
        <Progress
          value={percent}
          animated={!finished}
          striped={!finished && total === 0}
          color={finished ? STATUS_COLOR[finished.status] : undefined}
          aria-label="Job progress bar"
        />
        {!finished && (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text data-testid="job-message" size="xs" c="dimmed" truncate>
              {progress?.message ?? 'Waiting for the first update…'}
            </Text>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => cancelJob(job.jobId).catch((err) => setCancelError(errorMessage(err)))}
            >
              Cancel
            </Button>
          </Group>
        )}
        {finished?.error && (
          <Text data-testid="job-error" size="xs" c="red">
            {finished.error.message}
          </Text>
        )}
        {cancelError && !finished && (
          <Text size="xs" c="red">
            Could not cancel: {cancelError}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
