import { Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The filter bar above a list: the text search first, then the list's own filters. */
export function ListFilters({
  search,
  onSearch,
  placeholder,
  children,
}: {
  search: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group mb="md" align="flex-end" gap="sm">
      <TextInput
        label={t('common.search')}
        placeholder={placeholder}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        w={{ base: '100%', sm: 260 }}
      />
      {children}
    </Group>
  );
}
