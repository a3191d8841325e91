import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DeviceSelect } from '../components/DeviceSelect';
import type { AllocationValues } from './hostingForms';

/** What the Dinas allocates when accepting (Tabanan 14(10) huruf d angka 1). */
export function AllocationFields({ form }: { form: UseFormReturnType<AllocationValues> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="allocation-fields">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('datacenter.allocation.hostName')}
          required
          {...form.getInputProps('hostName')}
        />
        <TextInput
          label={t('datacenter.allocation.ipAddress')}
          placeholder="10.10.1.20"
          {...form.getInputProps('ipAddress')}
        />
        <DeviceSelect
          label={t('datacenter.allocation.device')}
          {...form.getInputProps('deviceId')}
        />
        <TextInput
          type="date"
          label={t('datacenter.allocation.allocatedOn')}
          required
          {...form.getInputProps('allocatedOn')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <NumberInput
          label={t('datacenter.hosting.fields.vcpu')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('vcpu')}
        />
        <NumberInput
          label={t('datacenter.hosting.fields.ramGb')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('ramGb')}
        />
        <NumberInput
          label={t('datacenter.hosting.fields.storageGb')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('storageGb')}
        />
        <NumberInput
          label={t('datacenter.hosting.fields.bandwidthMbps')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('bandwidthMbps')}
        />
      </SimpleGrid>
      <Textarea
        label={t('datacenter.allocation.notes')}
        autosize
        minRows={2}
        {...form.getInputProps('notes')}
      />
    </Stack>
  );
}
