import { Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { AgencySelect } from '../../organization/components/AgencySelect';
import { MIN_PASSWORD_LENGTH, newPasswordRule } from '../account/passwordRules';
import { type User, useCreateUser } from '../api';
import { type RoleInput, rescopeRoles } from '../roles';
import { RolesField } from './RolesField';

interface UserCreateValues {
  email: string;
  name: string;
  nip: string;
  position: string;
  phone: string;
  agencyId: string | null;
  password: string;
  roles: RoleInput[];
}

export function UserCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: User) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useForm<UserCreateValues>({
    mode: 'controlled',
    initialValues: {
      email: '',
      name: '',
      nip: '',
      position: '',
      phone: '',
      agencyId: null,
      password: '',
      roles: [],
    },
    validate: {
      email: (value) => (value.trim() ? null : t('validation.required')),
      name: (value) => (value.trim() ? null : t('validation.required')),
      agencyId: (value) => (value ? null : t('validation.required')),
      password: newPasswordRule(t),
    },
  });

  const submit = async ({
    agencyId,
    roles,
    email,
    name,
    password,
    ...optional
  }: UserCreateValues) => {
    const user = await create.mutateAsync({
      ...omitBlank(optional),
      email: email.trim(),
      name: name.trim(),
      password,
      agencyId: agencyId ?? '',
      roles: roles.map((assignment) => ({
        ...assignment,
        agencyId: assignment.agencyId ?? agencyId,
      })),
    });
    notifySuccess(t('users.created', { name: user.name }));
    onCreated(user);
  };

  const changeAgency = (agencyId: string | null) => {
    form.setFieldValue('roles', rescopeRoles(form.values.roles, form.values.agencyId, agencyId));
    form.setFieldValue('agencyId', agencyId);
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.fields.email')}
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
          <TextInput label={t('users.fields.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('users.fields.nip')} {...form.getInputProps('nip')} />
          <TextInput label={t('users.fields.position')} {...form.getInputProps('position')} />
          <TextInput label={t('users.fields.phone')} {...form.getInputProps('phone')} />
          <AgencySelect
            label={t('users.fields.agency')}
            required
            {...form.getInputProps('agencyId')}
            onChange={changeAgency}
          />
        </SimpleGrid>
        <PasswordInput
          label={t('users.fields.initialPassword')}
          description={t('users.initialPasswordHelp', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <RolesField
          value={form.values.roles}
          onChange={(roles) => form.setFieldValue('roles', roles)}
          defaultAgencyId={form.values.agencyId}
          error={form.errors.roles}
          scopeError={(index) => form.errors[`roles.${index}.agencyId`]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
