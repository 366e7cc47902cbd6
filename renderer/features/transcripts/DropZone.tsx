import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useEffect, useState, type DragEvent } from 'react';
import { TRANSCRIPT_EXTENSIONS } from '../../../shared/transcriptFiles';

const ACCEPTED = TRANSCRIPT_EXTENSIONS.map((e) => `.${e}`).join(', ');

/** A drop target for transcript files. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);

  // A file dropped beside the zone must not make the window navigate to it.
  useEffect(() => {
    const block = (e: globalThis.DragEvent) => e.preventDefault();
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles(Array.from(e.dataTransfer.files));
  };

  return (
    <Paper
      data-testid="drop-zone"
      aria-label="Drop transcript files here"
      withBorder
      p="lg"
      radius="md"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-indigo-5)' : 'var(--mantine-color-default-border)',
        background: over ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-body)',
        opacity: disabled ? 0.6 : 1,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <Group justify="center" gap="md">
        <ThemeIcon variant="light" size={40} radius="xl">
          <IconFileUpload size={22} />
        </ThemeIcon>
        <div>
          <Text fw={500}>Drop transcripts here</Text>
          <Text size="sm" c="dimmed">
            Text, Markdown, captions, Word, CSV or JSON ({ACCEPTED})
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
