import { MultiSelect, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Device, useCatalogue } from '../api';

interface Props {
  label: string;
  error?: ReactNode;
  disabled?: boolean;
  description?: string;
}

function useDeviceOptions() {
  const devices = useCatalogue<Device>('devices', { pageSize: 100 });
  return (devices.data?.items ?? []).map((device) => ({
    value: device.id,
    label: device.rack ? `${device.name} (${device.rack})` : device.name,
  }));
}

/** One device of the katalog perangkat. */
export function DeviceSelect({
  value = null,
  onChange,
  ...props
}: Props & { value?: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      value={value}
      onChange={onChange}
      data={useDeviceOptions()}
      searchable
      clearable
      nothingFoundMessage={t('common.noOptions')}
    />
  );
}

/** Devices of the katalog perangkat (an activity may touch several). */
export function DevicesMultiSelect({
  value = [],
  onChange,
  ...props
}: Props & { value?: string[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      {...props}
      value={value}
      onChange={onChange}
      data={useDeviceOptions()}
      searchable
      clearable
      nothingFoundMessage={t('common.noOptions')}
    />
  );
}
