import { useCallback, useState } from 'react';

export type Section = 'transcripts' | 'participants' | 'themes' | 'personas' | 'export' | 'search';

/** An open transcript; `nonce` lets the same turn be focused again from a second search. */
export interface OpenTranscript {
  id: number;
  focus: { turnId: number; nonce: number } | null;
}

/**
 * Where the researcher is in a study: the section, the open transcript, and the header's search
 * query. Typing a query shows the results; clearing it returns to the section it was typed over.
 */
export function useStudyNav() {
  const [section, setSection] = useState<Section>('transcripts');
  const [returnTo, setReturnTo] = useState<Section>('transcripts');
  const [transcript, setTranscript] = useState<OpenTranscript | null>(null);
  const [query, setQuery] = useState('');

  const go = useCallback((next: Section) => {
    setSection(next);
    setTranscript(null);
  }, []);

  const showResults = useCallback(() => {
    setSection((current) => {
      if (current !== 'search') setReturnTo(current);
      return 'search';
    });
  }, []);

  const search = useCallback(
    (q: string) => {
      setQuery(q);
      if (q.trim()) showResults();
      else setSection((current) => (current === 'search' ? returnTo : current));
    },
    [showResults, returnTo],
  );

  const openTranscript = useCallback((id: number, turnId?: number) => {
    setSection('transcripts');
    setTranscript({ id, focus: turnId === undefined ? null : { turnId, nonce: Date.now() } });
  }, []);

  return {
    section,
    transcript,
    query,
    go,
    search,
    /** Focusing the box brings back the results of a query still in it. */
    resumeSearch: () => query.trim() && showResults(),
    openTranscript,
    closeTranscript: () => setTranscript(null),
  };
}
