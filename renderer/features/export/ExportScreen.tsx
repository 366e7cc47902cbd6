import { Alert, Button, Group, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconFileExport, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { errorMessage } from '../../bridge';
import { usePickPaths } from '../../components/PathPrompt';
import { useIsRunning, useJob, useJobs } from '../jobs/JobsProvider';
import { ExportResultList } from './ExportResultList';
import { PseudonymPreview } from './PseudonymPreview';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'pdf', label: 'PDF cards' },
  { value: 'md', label: 'Markdown' },
  { value: 'json', label: 'JSON' },
];

const FORMAT_HELP: Record<ExportFormat, string> = {
  pdf: 'One printable card per persona, ready to pin on a wall or attach to a deck.',
  md: 'Plain text for wikis, docs and tickets.',
  json: 'The personas and their evidence, machine-readable, for your own tools.',
};

/** Writes the personas to a folder as PDF cards, Markdown or JSON. */
export function ExportScreen() {
  const pickPaths = usePickPaths();
  const { startJob } = useJobs();
  const running = useIsRunning('export');
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [outDir, setOutDir] = useState('');
  const [pseudonymise, setPseudonymise] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId);

  const choose = async () => {
    setError(null);
    try {
      const paths = await pickPaths('exportDir');
      if (paths?.[0]) setOutDir(paths[0]);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const run = async () => {
    setError(null);
    try {
      setJobId(await startJob({ kind: 'export', format, outDir: outDir.trim(), pseudonymise }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Export</Title>
        <Text c="dimmed" size="sm">
          Share the personas outside Grounded. Files are written only to the folder you choose.
        </Text>
      </div>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <div>
            <Text size="sm" fw={500} mb={6} id="export-format-label">
              Format
            </Text>
            <SegmentedControl data={FORMATS} value={format} onChange={(v) => setFormat(v as ExportFormat)} aria-labelledby="export-format-label" data-testid="export-format" />
            <Text size="xs" c="dimmed" mt={6}>
              {FORMAT_HELP[format]}
            </Text>
          </div>
          <Group align="flex-end" gap="sm">
            <TextInput label="Output folder" placeholder="Choose a folder…" value={outDir} onChange={(e) => setOutDir(e.currentTarget.value)} style={{ flex: 1 }} data-testid="export-dir" />
            <Button variant="default" leftSection={<IconFolder size={16} />} onClick={choose} data-testid="export-choose">
              Choose…
            </Button>
          </Group>
          <Switch
            label="Pseudonymise"
            description="Participants appear as their pseudonym or code; names, e-mail addresses, phone numbers and links are replaced in every text."
            checked={pseudonymise}
            onChange={(e) => setPseudonymise(e.currentTarget.checked)}
            data-testid="export-pseudonymise"
          />
          {pseudonymise && <PseudonymPreview />}
          <Group justify="flex-end">
            <Button leftSection={<IconFileExport size={18} />} onClick={run} loading={running} disabled={!outDir.trim()} data-testid="export-button">
              Export
            </Button>
          </Group>
        </Stack>
      </Paper>
      {error && <Alert color="red" title="Export could not start">{error}</Alert>}
      {job?.finished && <ExportResultList finished={job.finished} />}
    </Stack>
  );
}
