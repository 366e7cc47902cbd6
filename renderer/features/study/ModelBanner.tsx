import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCoreQuery } from '../../hooks/useCoreQuery';

/** Explains, when the on-device model is missing, why themes and personas are limited. */
export function ModelBanner() {
  const { data } = useCoreQuery('app:status', {});
  if (!data || data.model.available) return null;
  return (
    <Alert
      data-testid="model-banner"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="The on-device language model is not available"
    >
      <Text size="sm">{data.model.reason ?? 'No reason given.'}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        Model: <Code>{data.model.modelId}</Code>
      </Text>
    </Alert>
  );
}
