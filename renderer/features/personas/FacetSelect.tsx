import { Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { FACET_LABELS, type FacetLabel, type QuoteFacet } from '../../../shared/domain';
import { FACET_NAME } from '../../../shared/vocabularies';
import { call, errorMessage } from '../../bridge';

export { FACET_NAME };

const OPTIONS = FACET_LABELS.map((f) => ({ value: f, label: FACET_NAME[f] }));

function isFacet(v: string): v is FacetLabel {
  return (FACET_LABELS as readonly string[]).includes(v);
}

/** What kind of statement a quote is; the researcher's correction is saved and kept across runs. */
export function FacetSelect({ facet, onSaved }: { facet: QuoteFacet; onSaved: (f: QuoteFacet) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (value: string) => {
    if (!isFacet(value) || value === facet.facet) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('quotes:setFacet', { quoteId: facet.quoteId, facet: value }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Group gap={6} mt={2} wrap="nowrap">
      <NativeSelect
        size="xs"
        data={OPTIONS}
        value={facet.facet}
        disabled={saving}
        onChange={(e) => void change(e.currentTarget.value)}
        aria-label="Facet"
        data-testid="facet-select"
        w={140}
        error={error ?? undefined}
      />
      <Text size="xs" c="dimmed" data-testid="facet-source">
        {facet.corrected ? 'corrected' : `suggested, ${Math.round(facet.confidence * 100)}%`}
      </Text>
    </Group>
  );
}
