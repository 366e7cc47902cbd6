import { useMemo } from 'react';
import type { Quote } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';

const LIMIT = 60;

/**
 * Quotes matching a query: the core's full-text search finds the participants' turns, best first,
 * and each turn brings the quotes cut from it.
 */
export function useQuoteSearch(query: string) {
  const enabled = query.length > 0;
  const hits = useCoreQuery('search:query', { q: query, limit: LIMIT, who: 'participants' }, { enabled });
  const quotes = useCoreQuery('quotes:list', {}, { enabled });
  const results = useMemo(() => {
    if (!hits.data || !quotes.data) return undefined;
    const byTurn = new Map<number, Quote[]>();
    for (const q of quotes.data) byTurn.set(q.turnId, [...(byTurn.get(q.turnId) ?? []), q]);
    // A turn can hold several quotes: those that say the words come first, in the search's order.
    const terms = query.toLowerCase().match(/[\p{L}\p{N}']{3,}/gu) ?? [];
    const says = (q: Quote) => terms.some((t) => q.text.toLowerCase().includes(t));
    const found = hits.data.hits.flatMap((h) => byTurn.get(h.turnId) ?? []);
    return [...found.filter(says), ...found.filter((q) => !says(q))];
  }, [hits.data, quotes.data, query]);
  return { results, error: hits.error ?? quotes.error, loading: enabled && (hits.loading || quotes.loading) };
}
