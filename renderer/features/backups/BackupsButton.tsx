import { ActionIcon, Button, Modal, Tooltip } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { BackupsPanel } from './BackupsPanel';

/** The study header's door to the Backups panel; an icon alone where the header is narrow. */
export function BackupsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" color="gray" leftSection={<IconDatabaseExport size={16} />} onClick={() => setOpen(true)} visibleFrom="lg" data-testid="backups-open">
        Backups
      </Button>
      <Tooltip label="Backups">
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Backups" onClick={() => setOpen(true)} hiddenFrom="lg">
          <IconDatabaseExport size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title="Backups" size="xl">
        {open && <BackupsPanel />}
      </Modal>
    </>
  );
}
