import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import {
  type Evaluation,
  type Member,
  TEAM_ROLES,
  type TeamRole,
  useSetTeam,
  useTeamCandidates,
} from '../api';
import { useAbilities } from './IndicatorsTab';

/** The Tim Asesor Internal (PermenPANRB 59/2020 Lampiran p.82–84): roles drawn from Simpul's users. */
export function TeamTab({ ev }: { ev: Evaluation }) {
  const { t } = useTranslation();
  const can = useAbilities(ev);
  const [members, setMembers] = useState<Pick<Member, 'userId' | 'role' | 'function' | 'name'>[]>(
    ev.members,
  );
  const [pick, setPick] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('member');
  const [fn, setFn] = useState('');
  const candidates = useTeamCandidates(ev.id, can.manage);
  const save = useSetTeam(ev.id);
  const roleOptions = TEAM_ROLES.map((r) => ({ value: r, label: t(`evaluation.roles.${r}`) }));
  return (
    <Stack>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluation.member')}</Table.Th>
            <Table.Th>{t('evaluation.role')}</Table.Th>
            <Table.Th>{t('evaluation.function')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>
                {can.manage ? (
                  <Select
                    aria-label={t('evaluation.roleOf', { name: m.name })}
                    data={roleOptions}
                    value={m.role}
                    onChange={(v) =>
                      setMembers(
                        members.map((x) =>
                          x.userId === m.userId ? { ...x, role: (v ?? 'member') as TeamRole } : x,
                        ),
                      )
                    }
                  />
                ) : (
                  t(`evaluation.roles.${m.role}`)
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.function ?? '–'}</Text>
              </Table.Td>
              <Table.Td>
                {can.manage ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('evaluation.removeMember', { name: m.name })}
                    onClick={() => setMembers(members.filter((x) => x.userId !== m.userId))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can.manage ? (
        <>
          <Group align="flex-end">
            <Select
              label={t('evaluation.addMember')}
              searchable
              w={340}
              data={(candidates.data?.items ?? [])
                .filter((c) => !members.some((m) => m.userId === c.id))
                .map((c) => ({ value: c.id, label: `${c.name} — ${c.agencyName ?? c.email}` }))}
              value={pick}
              onChange={setPick}
            />
            <Select
              label={t('evaluation.role')}
              data={roleOptions}
              value={role}
              onChange={setRole}
              w={200}
            />
            <TextInput
              label={t('evaluation.function')}
              value={fn}
              onChange={(e) => setFn(e.currentTarget.value)}
              w={220}
            />
            <Button
              variant="default"
              disabled={!pick}
              onClick={() => {
                const c = candidates.data?.items.find((x) => x.id === pick);
                if (!c) return;
                setMembers([
                  ...members,
                  {
                    userId: c.id,
                    name: c.name,
                    role: (role ?? 'member') as TeamRole,
                    function: fn.trim() || null,
                  },
                ]);
                setPick(null);
                setFn('');
              }}
            >
              {t('evaluation.add')}
            </Button>
          </Group>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Group>
            <Button
              loading={save.isPending}
              onClick={async () => {
                await save.mutateAsync({
                  members: members.map((m) => ({
                    userId: m.userId,
                    role: m.role,
                    function: m.function,
                  })),
                });
                notifySuccess(t('evaluation.saved'));
              }}
            >
              {t('evaluation.saveTeam')}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
