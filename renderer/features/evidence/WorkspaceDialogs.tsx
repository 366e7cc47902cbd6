import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useWorkspace } from './workspace';

/** The workspace's questions and messages: "discard unsaved edits?" and the last curation edit that failed. */
export function WorkspaceDialogs() {
  const ws = useWorkspace();
  return (
    <>
      <Modal opened={ws.pending !== null} onClose={() => ws.answer(false)} title="Discard your changes?" zIndex={400}>
        <Text size="sm" data-testid="discard-dialog">
          The persona has edits that are not saved. Leaving now throws them away.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => ws.answer(false)} data-testid="discard-keep" data-autofocus>
            Keep editing
          </Button>
          <Button color="red" onClick={() => ws.answer(true)} data-testid="discard-confirm">
            Discard changes
          </Button>
        </Group>
      </Modal>
      {ws.failure && (
        <Alert
          color="red"
          title="That edit did not go through"
          withCloseButton
          onClose={() => ws.setFailure(null)}
          data-testid="curation-failure"
          style={{ position: 'fixed', left: 236, bottom: 16, maxWidth: 480, zIndex: 300 }}
        >
          {ws.failure}
        </Alert>
      )}
    </>
  );
}
