import { Select } from '@mantine/core';
import { useCoreQuery } from '../../hooks/useCoreQuery';

const MAX_LABEL = 140;

/**
 * Picks the defining quote among the quotes the persona cites. The current one is always an option,
 * even when no bullet cites it any more, so the field shows what the card shows; "None" means the
 * card shows no defining quote.
 */
export function DefiningQuoteSelect({ ids, value, onChange }: { ids: number[]; value: number | null; onChange: (id: number | null) => void }) {
  const all = value === null || ids.includes(value) ? ids : [value, ...ids];
  const { data, loading } = useCoreQuery('quotes:list', { ids: all }, { enabled: all.length > 0 });
  const options = (data ?? []).map((q) => {
    const text = q.text.length > MAX_LABEL ? `${q.text.slice(0, MAX_LABEL - 1)}…` : q.text;
    return { value: String(q.id), label: `“${text}” — ${q.participantName}${ids.includes(q.id) ? '' : ' (not cited by a bullet)'}` };
  });

  return (
    <Select
      label="Defining quote"
      description="The quote on the card that says who this persona is; chosen from the quotes its bullets cite"
      placeholder={loading ? 'Loading quotes…' : all.length === 0 ? 'None: cite quotes first' : 'None: no defining quote on the card'}
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
