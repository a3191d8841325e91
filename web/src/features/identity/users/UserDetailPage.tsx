import {
  Button,
  Fieldset,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { ConfirmButton } from '../../../platform/ui/ConfirmButton';
import {
  changedFields,
  notifySuccess,
  showFieldErrors,
  submitWith,
} from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { StatusBadge } from '../../../platform/ui/StatusBadge';
import { AgencySelect } from '../../organization/components/AgencySelect';
import { newPasswordRule } from '../account/passwordRules';
import {
  type User,
  useResetUserPassword,
  useResetUserTotp,
  useSetUserRoles,
  useUnlockUser,
  useUpdateUser,
  useUser,
} from '../api';
import type { RoleInput } from '../roles';
import { RolesField } from './RolesField';

export function UserDetailPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  return (
    <QueryView
      query={user}
      header={<BackLink to="/organization/users">{t('users.backToList')}</BackLink>}
    >
      {(current) => (
        <>
          <PageHeader
            title={current.name}
            description={current.email}
            actions={<StatusBadge status={current.status} />}
          />
          <Stack>
            <SectionCard title={t('users.sections.profile')}>
              <UserProfileForm key={JSON.stringify(profileValues(current))} user={current} />
            </SectionCard>
            <SectionCard title={t('users.sections.roles')}>
              <UserRolesForm key={JSON.stringify(current.roles)} user={current} />
            </SectionCard>
            <SectionCard title={t('users.sections.security')}>
              <UserSecurity user={current} />
            </SectionCard>
          </Stack>
        </>
      )}
    </QueryView>
  );
}

interface ProfileValues {
  name: string;
  nip: string;
  position: string;
  phone: string;
  agencyId: string | null;
  status: User['status'];
}

function profileValues(user: User): ProfileValues {
  return {
    name: user.name,
    nip: user.nip ?? '',
    position: user.position ?? '',
    phone: user.phone ?? '',
    agencyId: user.agencyId,
    status: user.status,
  };
}

function UserProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  const update = useUpdateUser(user.id);
  const readOnly = !can('user:update');
  const initial = profileValues(user);
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      agencyId: (value) => (value ? null : t('validation.required')),
    },
  });

  const submit = async (values: ProfileValues) => {
    const changes = changedFields(initial, values);
    if (Object.keys(changes).length === 0) {
      notifySuccess(t('common.noChanges'));
      return;
    }
    await update.mutateAsync({ ...changes, agencyId: changes.agencyId ?? undefined });
    notifySuccess(t('users.updated'));
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={update.error} />
        <Fieldset disabled={readOnly} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.fields.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('users.fields.nip')} {...form.getInputProps('nip')} />
            <TextInput label={t('users.fields.position')} {...form.getInputProps('position')} />
            <TextInput label={t('users.fields.phone')} {...form.getInputProps('phone')} />
            <AgencySelect
              label={t('users.fields.agency')}
              required
              disabled={readOnly}
              {...form.getInputProps('agencyId')}
            />
            <Select
              label={t('users.fields.status')}
              allowDeselect={false}
              data={[
                { value: 'active', label: t('status.active') },
                { value: 'disabled', label: t('status.disabled') },
              ]}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
        </Fieldset>
        {readOnly ? null : (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function UserRolesForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  const setRoles = useSetUserRoles(user.id);
  const readOnly = !can('user:update');
  const [roles, setRolesValue] = useState<RoleInput[]>(
    user.roles.map(({ role, agencyId }) => ({ role, agencyId })),
  );
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});

  const save = () => {
    setErrors({});
    setRoles
      .mutateAsync(roles)
      .then(() => notifySuccess(t('users.rolesUpdated')))
      .catch(showFieldErrors({ setErrors }));
  };

  return (
    <Stack>
      <ProblemAlert error={setRoles.error} />
      <RolesField
        value={roles}
        onChange={setRolesValue}
        defaultAgencyId={user.agencyId}
        error={errors.roles}
        scopeError={(index) => errors[`roles.${index}.agencyId`]}
        disabled={readOnly}
      />
      {readOnly ? null : (
        <Group justify="flex-end">
          <Button onClick={save} loading={setRoles.isPending}>
            {t('users.saveRoles')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function UserSecurity({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const unlock = useUnlockUser(user.id);
  const resetTotp = useResetUserTotp(user.id);
  const [resetOpened, resetModal] = useDisclosure(false);
  const locked = Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now());
  const canUpdate = can('user:update');

  const facts: [string, string][] = [
    [
      t('users.fields.totp'),
      user.totpEnabled ? t('account.totp.enabled') : t('account.totp.disabled'),
    ],
    [
      t('users.fields.lockedUntil'),
      locked ? format.dateTime(user.lockedUntil) : t('users.notLocked'),
    ],
    [
      t('users.fields.lastLoginAt'),
      user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('common.never'),
    ],
    [t('users.fields.createdAt'), format.dateTime(user.createdAt)],
  ];

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <ProblemAlert error={unlock.error ?? resetTotp.error} />
      {canUpdate ? (
        <Group>
          <Button variant="light" onClick={resetModal.open}>
            {t('users.resetPassword')}
          </Button>
          <ConfirmButton
            variant="light"
            color="orange"
            disabled={!locked}
            loading={unlock.isPending}
            message={t('users.unlockConfirm', { name: user.name })}
            onConfirm={() =>
              unlock.mutate(undefined, { onSuccess: () => notifySuccess(t('users.unlocked')) })
            }
          >
            {t('users.unlock')}
          </ConfirmButton>
          <ConfirmButton
            variant="light"
            color="red"
            disabled={!user.totpEnabled}
            loading={resetTotp.isPending}
            message={t('users.resetTotpConfirm', { name: user.name })}
            onConfirm={() =>
              resetTotp.mutate(undefined, {
                onSuccess: () => notifySuccess(t('users.totpReset')),
              })
            }
          >
            {t('users.resetTotp')}
          </ConfirmButton>
        </Group>
      ) : null}
      <Modal opened={resetOpened} onClose={resetModal.close} title={t('users.resetPassword')}>
        <ResetPasswordForm user={user} onDone={resetModal.close} />
      </Modal>
    </Stack>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useResetUserPassword(user.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '' },
    validate: {
      newPassword: newPasswordRule(t),
    },
  });

  const submit = async (values: { newPassword: string }) => {
    await reset.mutateAsync(values);
    notifySuccess(t('users.passwordReset', { name: user.name }));
    onDone();
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.resetPasswordHelp')}
        </Text>
        <ProblemAlert error={reset.error} />
        <PasswordInput
          label={t('users.fields.newPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
