import { Card, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type PartyResult, STATUSES, type Status, useEvaluation } from '../api';
import {
  ClauseLink,
  ComplianceStatusBadge,
  ObligationText,
  StatusCounts,
} from '../components/parts';

/** What needs doing first: late, missing, due soon, then the rest. */
const ORDER: Record<Status, number> = {
  late: 0,
  missing: 1,
  due_soon: 2,
  met: 3,
  not_applicable: 4,
  not_supported: 5,
};

/**
 * By agency: one party's duties as a to-do list with deadlines. An agency head opens on their own
 * agency; the Dinas and the Tim Koordinasi pick any party.
 */
export function AgencyDutiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const all = useEvaluation({});
  const parties = new Map<string, string>();
  for (const o of all.data?.obligations ?? []) {
    for (const p of o.parties) parties.set(p.key, p.label);
  }
  const fallback =
    me.agencyId && parties.has(me.agencyId) ? me.agencyId : ([...parties.keys()][0] ?? null);
  const [picked, setPicked] = useState<string | null>(null);
  const party = picked ?? fallback;
  const duties = useEvaluation({ party });
  const items = (duties.data?.obligations ?? [])
    .map((o) => ({ obligation: o.obligation, result: o.parties[0] as PartyResult }))
    .filter((item) => item.result)
    .sort(
      (a, b) =>
        ORDER[a.result.status] - ORDER[b.result.status] ||
        (a.result.dueOn ?? '9999').localeCompare(b.result.dueOn ?? '9999'),
    );

  return (
    <Stack>
      <ProblemAlert error={all.error ?? duties.error} />
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('compliance.fields.party')}
          data={[...parties.entries()].map(([value, label]) => ({ value, label }))}
          value={party}
          onChange={setPicked}
          searchable
          allowDeselect={false}
          w={420}
        />
        {duties.data ? <StatusCounts summary={duties.data.summary} /> : null}
      </Group>
      <Stack gap="xs" data-testid="compliance-duties">
        {items.map(({ obligation, result }) => (
          <Card key={obligation.id} withBorder padding="sm" data-obligation={obligation.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <ClauseLink obligation={obligation} />
                <ObligationText obligation={obligation} />
                <Text size="xs" c="dimmed">
                  {format.label(result.reason)}
                </Text>
              </Stack>
              <Stack gap={4} align="flex-end">
                <ComplianceStatusBadge status={result.status} />
                {result.dueOn ? (
                  <Text size="xs" c="dimmed">
                    {t('compliance.dueOn', { date: format.date(result.dueOn) })}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          </Card>
        ))}
        {duties.data && items.length === 0 ? <Text c="dimmed">{t('compliance.empty')}</Text> : null}
      </Stack>
      <Text size="xs" c="dimmed">
        {STATUSES.map(
          (s) => `${t(`compliance.statuses.${s}`)}: ${t(`compliance.statusHelp.${s}`)}`,
        ).join(' · ')}
      </Text>
    </Stack>
  );
}
