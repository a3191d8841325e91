import { NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FREQUENCIES, TOPICS } from '../model';

/** The five elements of the Standar Data (Perpres 39/2019 Pasal 4). */
export const STANDARD_KEYS = ['konsep', 'definisi', 'klasifikasi', 'ukuran', 'satuan'] as const;

export type MetadataValues = Record<string, string>;

/** Updates one field of a metadata form from an input's change event. */
export function fieldSetter(setValues: (update: (v: MetadataValues) => MetadataValues) => void) {
  return (key: string) => (event: { currentTarget: { value: string } }) => {
    // Read now: React clears currentTarget once the handler returns.
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
}

/**
 * A dataset's metadata and Standar Data fields, shared by the create and edit forms. `extended`
 * adds what is edited after creation: temporal coverage, unit and contact.
 */
export function DatasetMetadataFields({
  values,
  set,
  extended = false,
}: {
  values: MetadataValues;
  set: ReturnType<typeof fieldSetter>;
  extended?: boolean;
}) {
  const { t } = useTranslation();
  const text = (key: string, label: string, type?: string) => (
    <TextInput type={type} label={label} value={values[key] ?? ''} onChange={set(key)} />
  );
  return (
    <>
      <TextInput
        label={t('data.fields.title')}
        required
        value={values.title ?? ''}
        onChange={set('title')}
      />
      <Textarea
        label={t('data.fields.description')}
        autosize
        minRows={3}
        value={values.description ?? ''}
        onChange={set('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DatasetKindSelects values={values} set={set} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('tags', t('data.fields.tags'))}
        {text('spatialCoverage', t('data.fields.spatialCoverage'))}
        {extended ? (
          <>
            {text('temporalStart', t('data.fields.temporalStart'), 'date')}
            {text('temporalEnd', t('data.fields.temporalEnd'), 'date')}
            {text('unit', t('data.fields.unit'))}
            {text('contactName', t('data.fields.contactName'))}
            {text('contactEmail', t('data.fields.contactEmail'), 'email')}
          </>
        ) : null}
      </SimpleGrid>
      <Text fw={600}>{t('data.standard')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {STANDARD_KEYS.map((k) => (
          <div key={k}>{text(k, t(`data.standardFields.${k}`))}</div>
        ))}
      </SimpleGrid>
    </>
  );
}

/**
 * Topic, update frequency and classification: the choices a dataset and a Daftar Data entry
 * share (a plan names the dataset it promises).
 */
export function DatasetKindSelects({
  values,
  set,
}: {
  values: { topic?: string; frequency?: string; classification?: string };
  set: (
    key: 'topic' | 'frequency' | 'classification',
  ) => (event: { currentTarget: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t('data.fields.topic')}
        value={values.topic}
        onChange={set('topic')}
        data={TOPICS.map((v) => ({ value: v, label: t(`data.topics.${v}`) }))}
      />
      <NativeSelect
        label={t('data.fields.frequency')}
        value={values.frequency}
        onChange={set('frequency')}
        data={FREQUENCIES.map((v) => ({ value: v, label: t(`data.frequencies.${v}`) }))}
      />
      <NativeSelect
        label={t('data.fields.classification')}
        value={values.classification}
        onChange={set('classification')}
        data={['public', 'restricted'].map((v) => ({
          value: v,
          label: t(`data.classifications.${v}`),
        }))}
      />
    </>
  );
}
