import { Alert, Center, Code, Stack, Text } from '@mantine/core';

/** Shown when the page was opened without the preload or a harness token. */
export function BridgeMissing({ reason }: { reason: string }) {
  return (
    <Center h="100vh" p="xl">
      <Alert color="red" title="Grounded cannot reach its core" maw={560} data-testid="bridge-missing">
        <Stack gap="xs">
          <Text size="sm">{reason}</Text>
          <Text size="sm">
            Open the exact URL printed by <Code>npm run harness</Code>, including its <Code>#token=…</Code> part.
          </Text>
        </Stack>
      </Alert>
    </Center>
  );
}
