import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useChangePassword } from '../api';
import { MIN_PASSWORD_LENGTH, newPasswordRule } from './passwordRules';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<ChangePasswordValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: newPasswordRule(t),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : t('validation.passwordMismatch'),
    },
  });

  const submit = async ({ currentPassword, newPassword }: ChangePasswordValues) => {
    await change.mutateAsync({ currentPassword, newPassword });
    form.reset();
    notifySuccess(t('account.password.changed'));
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={change.error} />
        <PasswordInput
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('account.password.new')}
          description={t('account.password.rules', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('account.password.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
