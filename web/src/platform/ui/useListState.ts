import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Filter and page state of a list screen. Changing any filter goes back to page 1; the text
 * search `q` is debounced so typing does not fire a request per key.
 */
export function useListState<F extends { q: string }>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(filters.q, 300);

  const setFilter = <K extends keyof F>(key: K, value: F[K]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };

  return {
    filters,
    setFilter,
    page,
    setPage,
    pageSize: DEFAULT_PAGE_SIZE,
    query: { ...filters, q: debouncedQ.trim(), page, pageSize: DEFAULT_PAGE_SIZE },
  };
}
