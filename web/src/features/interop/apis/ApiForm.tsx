import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../../platform/ui/options';
import type { CreateApiInput } from '../api';
import { ProblemWithReasons } from '../components/ProblemWithReasons';
import { DATA_CLASSIFICATIONS, VISIBILITIES, type Visibility } from '../model';

interface Values {
  name: string;
  slug: string;
  version: string;
  description: string;
  upstreamUrl: string;
  visibility: Visibility;
  dataClassification: string;
  openapiUrl: string;
}

/**
 * Registers an API: its address on the gateway (slug and version), the upstream, who may see it,
 * and its OpenAPI description from a file (read in the browser and sent as text) or a URL.
 */
export function ApiForm({
  onSubmit,
  submitting,
  error,
}: {
  onSubmit: (input: CreateApiInput) => Promise<unknown>;
  submitting: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [document, setDocument] = useState<{ name: string; text: string } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      slug: '',
      version: 'v1',
      description: '',
      upstreamUrl: '',
      visibility: 'internal',
      dataClassification: 'terbatas',
      openapiUrl: '',
    },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      slug: (v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t('interop.api.slugHint')),
      version: (v) => (/^v?[0-9]+(\.[0-9]+){0,2}$/.test(v) ? null : t('interop.api.versionHint')),
      upstreamUrl: (v) => (/^https?:\/\/\S+$/.test(v) ? null : t('interop.api.urlHint')),
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        const openapi = document
          ? { document: document.text }
          : values.openapiUrl.trim()
            ? { url: values.openapiUrl.trim() }
            : undefined;
        onSubmit({
          name: values.name.trim(),
          slug: values.slug,
          version: values.version,
          description: values.description.trim() || null,
          upstreamUrl: values.upstreamUrl.trim(),
          visibility: values.visibility,
          dataClassification: values.dataClassification,
          ...(openapi ? { openapi } : {}),
        }).catch(() => {});
      })}
    >
      <Stack>
        <TextInput label={t('interop.api.name')} required {...form.getInputProps('name')} />
        <Group grow>
          <TextInput label={t('interop.api.slug')} required {...form.getInputProps('slug')} />
          <TextInput label={t('interop.api.version')} required {...form.getInputProps('version')} />
        </Group>
        <Textarea
          label={t('interop.api.descriptionLabel')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <TextInput
          label={t('interop.api.upstreamUrl')}
          description={t('interop.api.upstreamHelp')}
          required
          {...form.getInputProps('upstreamUrl')}
        />
        <Group grow>
          <Select
            label={t('interop.api.visibility')}
            data={enumOptions(t, VISIBILITIES, 'interop.visibilities')}
            allowDeselect={false}
            {...form.getInputProps('visibility')}
          />
          <Select
            label={t('interop.api.dataClassification')}
            data={enumOptions(t, DATA_CLASSIFICATIONS, 'dataClassifications')}
            allowDeselect={false}
            {...form.getInputProps('dataClassification')}
          />
        </Group>
        <div>
          <Text size="sm" fw={500} component="label" htmlFor="openapi-file">
            {t('interop.api.openapiFile')}
          </Text>
          <input
            id="openapi-file"
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            aria-label={t('interop.api.openapiFile')}
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              setDocument(file ? { name: file.name, text: await file.text() } : null);
            }}
            style={{ display: 'block', marginTop: 4 }}
          />
          <Text size="xs" c="dimmed">
            {document
              ? t('interop.api.fileChosen', { name: document.name })
              : t('interop.api.openapiHelp')}
          </Text>
        </div>
        <TextInput
          label={t('interop.api.openapiUrl')}
          disabled={Boolean(document)}
          {...form.getInputProps('openapiUrl')}
        />
        <ProblemWithReasons error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {t('interop.api.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
