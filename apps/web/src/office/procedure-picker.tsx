import type { PublicProcedure, SearchResult } from '@motcua/contracts/catalog';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { forwardRef, useEffect, useState } from 'react';
import { api, pathWithQuery } from '../api/client';
import { officeText } from '../i18n/vi/office';

/** Waits until typing pauses before searching. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function useProcedure(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'procedure', id],
    queryFn: () => api.get<PublicProcedure>(`/api/catalog/procedures/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
}

interface ProcedurePickerProps {
  id?: string;
  value?: string;
  onChange?: (procedureId: string) => void;
  /** Only the procedures this agency implements (a commune desk); undefined: every procedure. */
  agencyId: string | undefined;
  autoFocus?: boolean;
  'aria-describedby'?: string;
}

/**
 * Forgiving procedure search for the desk: typed without diacritics, with typos or everyday words, the
 * catalogue's search finds it; ↑/↓ and Enter pick it without the mouse.
 */
export const ProcedurePicker = forwardRef<{ focus: () => void }, ProcedurePickerProps>(
  function ProcedurePicker({ id, value, onChange, agencyId, autoFocus, ...rest }, ref) {
    const [search, setSearch] = useState('');
    const term = useDebounced(search.trim(), 200);
    const results = useQuery({
      queryKey: ['catalog', 'search', 'desk', term, agencyId ?? null],
      queryFn: () =>
        api.get<SearchResult>(pathWithQuery('/api/catalog/search', { q: term, agencyId, pageSize: 12 })),
      enabled: term.length >= 2,
      placeholderData: keepPreviousData,
    });
    const chosen = useProcedure(value);
    const options = (term.length >= 2 ? (results.data?.hits ?? []) : []).map((hit) => ({
      value: hit.procedureId,
      label: `${hit.name} (${hit.nationalCode})`,
    }));
    if (value && chosen.data && !options.some((o) => o.value === value))
      options.unshift({ value, label: `${chosen.data.content.name} (${chosen.data.content.nationalCode})` });

    return (
      <Select
        id={id}
        ref={ref as never}
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        value={value ?? null}
        onChange={(next: string) => {
          setSearch('');
          onChange?.(next);
        }}
        autoFocus={autoFocus}
        placeholder={officeText.procedurePlaceholder}
        options={options}
        notFoundContent={
          results.isFetching ? <Spin size="small" /> : term.length >= 2 ? officeText.procedureNotFound : null
        }
        style={{ width: '100%' }}
        size="large"
        {...rest}
      />
    );
  },
);
