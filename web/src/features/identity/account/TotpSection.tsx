import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useTotpDisable, useTotpEnable, useTotpSetup } from '../api';
import { CopyField } from './CopyField';

export function TotpSection() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack>
      <Group gap="xs">
        <Text>{t('account.totp.status')}</Text>
        <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light">
          {me.totpEnabled ? t('account.totp.enabled') : t('account.totp.disabled')}
        </Badge>
      </Group>
      {me.totpEnabled ? <DisableTotp /> : <EnrolTotp />}
    </Stack>
  );
}

function EnrolTotp() {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (value: string) => (/^\d{6}$/.test(value) ? null : t('login.totpInvalid')) },
  });

  if (!setup.data) {
    return (
      <Stack align="flex-start">
        <Text size="sm" c="dimmed">
          {t('account.totp.intro')}
        </Text>
        <ProblemAlert error={setup.error} />
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          {t('account.totp.start')}
        </Button>
      </Stack>
    );
  }

  const submit = async (values: { code: string }) => {
    await enable.mutateAsync(values);
    notifySuccess(t('account.totp.enabledNotice'));
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <Alert variant="light" color="indigo">
          {t('account.totp.scanInstructions')}
        </Alert>
        <CopyField
          label={t('account.totp.secret')}
          value={setup.data.secret}
          testId="totp-secret"
        />
        <div>
          <Text size="sm" fw={500}>
            {t('account.totp.otpauthUrl')}
          </Text>
          <Code
            block
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            data-testid="totp-url"
          >
            {setup.data.otpauthUrl}
          </Code>
        </div>
        <ProblemAlert error={enable.error} />
        <TextInput
          label={t('account.totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" loading={enable.isPending}>
            {t('account.totp.enable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableTotp() {
  const { t } = useTranslation();
  const disable = useTotpDisable();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (value: string) => (value ? null : t('validation.required')) },
  });

  const submit = async (values: { password: string }) => {
    await disable.mutateAsync(values);
    notifySuccess(t('account.totp.disabledNotice'));
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('account.totp.disableIntro')}
        </Text>
        <ProblemAlert error={disable.error} />
        <PasswordInput
          label={t('account.totp.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" color="red" variant="light" loading={disable.isPending}>
            {t('account.totp.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
