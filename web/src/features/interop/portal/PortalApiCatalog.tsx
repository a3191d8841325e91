import { Accordion, Badge, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useApi, useApis } from '../api';
import { OperationsTable } from '../components/OperationsTable';

/**
 * The developer portal's API catalogue: published public APIs of the regency, searchable, each
 * with its rendered operations and how to subscribe (the server shows anonymous visitors nothing
 * else).
 */
export function PortalApiCatalog() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const apis = useApis({ q: debounced.trim() || undefined, pageSize: 50 });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack component="section" aria-labelledby="api-catalogue" mt="xl">
      <Title order={2} id="api-catalogue">
        {t('interop.portal.title')}
      </Title>
      <Text c="dimmed">{t('interop.portal.description')}</Text>
      <TextInput
        label={t('common.search')}
        placeholder={t('interop.api.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: '100%', sm: 360 }}
      />
      <ProblemAlert error={apis.error} />
      {apis.data && apis.data.items.length === 0 ? (
        <Text c="dimmed">{t('interop.portal.empty')}</Text>
      ) : null}
      <Accordion value={open} onChange={setOpen} variant="separated">
        {(apis.data?.items ?? []).map((api) => (
          <Accordion.Item key={api.id} value={api.id}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{`${api.name} ${api.version}`}</Text>
                  <Text size="sm" c="dimmed">
                    {api.agency.name}
                  </Text>
                </div>
                <Badge variant="light">
                  {t('interop.portal.operations', { count: api.operationCount })}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {open === api.id ? <PortalApiPage id={api.id} /> : null}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function PortalApiPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi(id);
  if (api.isError) return <ProblemAlert error={api.error} />;
  if (!api.data) return null;
  return (
    <Stack>
      {api.data.description ? <Text size="sm">{api.data.description}</Text> : null}
      <Text size="sm">
        {t('interop.api.gatewayPath')}: <Code>{api.data.gatewayPath}</Code>
      </Text>
      <OperationsTable operations={api.data.operations} basePath={api.data.gatewayPath} />
      <Text size="sm" fw={600}>
        {t('interop.api.howToSubscribe')}
      </Text>
      <Text size="sm">{t('interop.api.howToSubscribeText')}</Text>
    </Stack>
  );
}
