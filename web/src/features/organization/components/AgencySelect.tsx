import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies, useAgency } from '../api';

/** Large enough for a regency's full list of Perangkat Daerah in one page. */
const OPTION_PAGE_SIZE = 100;

interface AgencySelectProps {
  label: string;
  description?: React.ReactNode;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** Agency to leave out, e.g. the agency itself when choosing its parent. */
  excludeId?: string;
  onBlur?: () => void;
  onFocus?: () => void;
}

/** Searchable agency picker backed by the agencies list endpoint (server-side search). */
export function AgencySelect({ excludeId, value = null, ...props }: AgencySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selectedLabel, setSelectedLabel] = useState<string | undefined>();
  // While the input just shows the chosen option, list everything rather than search for it.
  const [debouncedTerm] = useDebouncedValue(search === selectedLabel ? '' : search.trim(), 250);
  const list = useAgencies({ q: debouncedTerm, pageSize: OPTION_PAGE_SIZE });
  const items = list.data?.items;
  const selectedKnown = !value || items?.some((agency) => agency.id === value);
  const selected = useAgency(selectedKnown ? null : value);

  const data = useMemo(() => {
    const options = (items ?? [])
      .filter((agency) => agency.id !== excludeId)
      .map((agency) => ({ value: agency.id, label: `${agency.code} — ${agency.name}` }));
    const extra = selected.data;
    if (extra && !options.some((option) => option.value === extra.id)) {
      options.unshift({ value: extra.id, label: `${extra.code} — ${extra.name}` });
    }
    return options;
  }, [items, selected.data, excludeId]);

  const currentLabel = data.find((option) => option.value === value)?.label;
  if (currentLabel !== selectedLabel) setSelectedLabel(currentLabel);

  return (
    <Select
      {...props}
      value={value}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.noOptions')}
      placeholder={props.placeholder ?? t('agencies.selectPlaceholder')}
    />
  );
}
