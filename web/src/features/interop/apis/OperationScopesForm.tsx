import { Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../platform/ui/forms';
import { type ApiDetail, useUpdateApi } from '../api';
import { ProblemWithReasons } from '../components/ProblemWithReasons';

/**
 * The scope a caller's token must carry per operation (empty: none). Subscriptions grant scopes;
 * the gateway checks them on every call.
 */
export function OperationScopesForm({ api }: { api: ApiDetail }) {
  const { t } = useTranslation();
  const update = useUpdateApi(api.id);
  const [scopes, setScopes] = useState<Record<string, string>>(() =>
    Object.fromEntries(api.operations.map((op) => [op.operationId, op.scope ?? ''])),
  );
  if (api.operations.length === 0) return null;
  const changed = Object.fromEntries(
    api.operations
      .filter((op) => (op.scope ?? '') !== (scopes[op.operationId] ?? '').trim())
      .map((op) => [op.operationId, (scopes[op.operationId] ?? '').trim() || null]),
  );
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('interop.api.scopesTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('interop.api.scopesHelp')}
      </Text>
      <Table withTableBorder>
        <Table.Tbody>
          {api.operations.map((op) => (
            <Table.Tr key={op.operationId}>
              <Table.Td>
                <Code>{`${op.method} ${op.path}`}</Code>
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('interop.api.scopeOf', { operation: op.operationId })}
                  size="xs"
                  value={scopes[op.operationId] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setScopes((current) => ({ ...current, [op.operationId]: value }));
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ProblemWithReasons error={update.error} />
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={Object.keys(changed).length === 0}
          loading={update.isPending}
          onClick={() =>
            update.mutateAsync({ operationScopes: changed }).then(
              () => notifySuccess(t('interop.api.scopesSaved')),
              () => {},
            )
          }
        >
          {t('interop.api.saveScopes')}
        </Button>
      </Group>
    </Stack>
  );
}
