import { Select } from '@mantine/core';
import { useCoreQuery } from '../../hooks/useCoreQuery';

const MAX_LABEL = 140;

/** Picks the defining quote among the quotes the persona already cites. */
export function DefiningQuoteSelect({ ids, value, onChange }: { ids: number[]; value: number | null; onChange: (id: number | null) => void }) {
  const { data, loading } = useCoreQuery('quotes:list', { ids }, { enabled: ids.length > 0 });
  const options = (data ?? []).map((q) => {
    const text = q.text.length > MAX_LABEL ? `${q.text.slice(0, MAX_LABEL - 1)}…` : q.text;
    return { value: String(q.id), label: `“${text}” — ${q.participantName}` };
  });

  return (
    <Select
      label="Defining quote"
      description="Chosen from the quotes this persona cites"
      placeholder={loading ? 'Loading quotes…' : ids.length === 0 ? 'No cited quotes' : 'None'}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      searchable
      clearable
      nothingFoundMessage="No matching quote"
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      data-testid="defining-quote-select"
    />
  );
}
