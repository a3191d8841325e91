import {
  Alert,
  Anchor,
  Button,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../../platform/api/problem';
import { AuthCard } from '../../../platform/layout/AuthCard';
import { showFieldErrors } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useLogin, useProviders } from '../api';

interface LoginValues {
  email: string;
  password: string;
  totpCode: string;
}

export function LoginPage({ ssoError }: { ssoError?: string }) {
  const { t } = useTranslation();
  const login = useLogin();
  const providers = useProviders();
  const [totpStep, setTotpStep] = useState(false);
  const form = useForm<LoginValues>({
    mode: 'controlled',
    initialValues: { email: '', password: '', totpCode: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('validation.required')),
      password: (value) => (value ? null : t('validation.required')),
      totpCode: (value) => (!totpStep || /^\d{6}$/.test(value) ? null : t('login.totpInvalid')),
    },
  });

  const submit = form.onSubmit((values) => {
    login.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        ...(totpStep ? { totpCode: values.totpCode } : {}),
      },
      {
        onError: (error) => {
          if (isProblemError(error) && error.code === 'TOTP_REQUIRED') {
            setTotpStep(true);
            return;
          }
          if (totpStep) form.setFieldValue('totpCode', '');
          showFieldErrors(form)(error);
        },
      },
    );
  });

  const totpRequired = isProblemError(login.error) && login.error.code === 'TOTP_REQUIRED';
  const oidc = providers.data?.oidc;

  return (
    <AuthCard
      footer={
        <Anchor href="/" size="sm" ta="center">
          {t('login.backToPortal')}
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={2}>{t('login.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </div>
          {ssoError && !login.error ? (
            <Alert color="red" role="alert" title={t('login.ssoFailedTitle')}>
              {t('login.ssoFailed', { code: ssoError })}
            </Alert>
          ) : null}
          {login.error && !totpRequired ? <ProblemAlert error={login.error} /> : null}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            readOnly={totpStep}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            readOnly={totpStep}
            {...form.getInputProps('password')}
          />
          {totpStep ? (
            <TextInput
              label={t('login.totpCode')}
              description={t('login.totpHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              leftSection={<IconShieldLock size={16} />}
              {...form.getInputProps('totpCode')}
            />
          ) : null}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
          {totpStep ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setTotpStep(false);
                login.reset();
                form.setValues({ password: '', totpCode: '' });
              }}
            >
              {t('login.useOtherAccount')}
            </Anchor>
          ) : null}
        </Stack>
      </form>
      {oidc?.enabled ? (
        <>
          <Divider my="lg" label={t('login.or')} labelPosition="center" />
          <Button component="a" href="/api/v1/auth/oidc/start" variant="default" fullWidth>
            {t('login.sso')}
          </Button>
          {oidc.label ? (
            <Text size="xs" c="dimmed" ta="center" mt={6}>
              {oidc.label}
            </Text>
          ) : null}
        </>
      ) : null}
    </AuthCard>
  );
}
