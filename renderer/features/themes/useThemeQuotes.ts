import { useCallback, useEffect, useRef, useState } from 'react';
import type { FacetLabel, ThemeQuote, ThemeQuotesPage } from '../../../shared/domain';
import { call, errorMessage } from '../../bridge';
import { useBridgeEvent } from '../../hooks/useBridgeEvent';

export const PAGE = 100;

export interface ThemeQuoteFilters {
  participantId?: number;
  facet?: FacetLabel;
}

/**
 * A theme's quotes, fetched a page at a time as the virtual list reaches them. The first page also
 * brings the total and the filters' counts. A study change reloads what was loaded, keeping the old
 * rows on screen until the new ones arrive.
 */
export function useThemeQuotes(themeId: number, filters: ThemeQuoteFilters) {
  const [pages, setPages] = useState<Map<number, ThemeQuote[]>>(new Map());
  const [meta, setMeta] = useState<Omit<ThemeQuotesPage, 'quotes'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    (page: number, gen: number, replace: boolean) => {
      inFlight.current.add(page);
      call('themes:quotes', { id: themeId, ...(JSON.parse(key) as ThemeQuoteFilters), offset: page * PAGE, limit: PAGE }).then(
        (res) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setError(null);
          setMeta({ total: res.total, participants: res.participants, facets: res.facets });
          setPages((prev) => new Map(replace ? [[page, res.quotes]] : [...prev, [page, res.quotes]]));
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setError(errorMessage(err));
        },
      );
    },
    [themeId, key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current = new Set();
    fetchPage(0, gen, true);
  }, [fetchPage, version]);

  // New filters: start from an empty list rather than show the old filter's rows.
  useEffect(() => {
    setPages(new Map());
    setMeta(null);
  }, [themeId, key]);

  useBridgeEvent('study:changed', () => setVersion((v) => v + 1));

  const quoteAt = (i: number): ThemeQuote | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const ensure = (i: number) => {
    const page = Math.floor(i / PAGE);
    if (!pages.has(page) && !inFlight.current.has(page)) fetchPage(page, generation.current, false);
  };
  return { meta, error, quoteAt, ensure };
}
