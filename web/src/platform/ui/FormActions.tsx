import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and submit, right-aligned under a form. */
export function FormActions({
  submitLabel,
  submitting,
  onCancel,
}: {
  submitLabel?: string;
  submitting: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      <Button type="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
