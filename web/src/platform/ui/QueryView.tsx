import { Center, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

/** Loading and error states of a single-record query; renders `children` once data is there. */
export function QueryView<T>({
  query,
  header,
  children,
}: {
  query: UseQueryResult<T>;
  /** Shown above the loader/error/content, e.g. a back link. */
  header?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  } else if (query.isError) {
    body = <ProblemAlert error={query.error} />;
  } else {
    body = children(query.data);
  }
  return (
    <Stack gap="xs">
      {header}
      {body}
    </Stack>
  );
}
