import {
  Anchor,
  Badge,
  Blockquote,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileMetadata } from '../../../platform/files/api';
import { AttachmentLink } from '../../../platform/files/FileLink';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import {
  consolePath,
  type Evidence,
  type ObligationDetail,
  type PartyResult,
  useObligation,
  useRecordEvidence,
} from '../api';
import { ComplianceStatusBadge } from '../components/parts';

/** One obligation: the clause and its words, the status per party, the evidence, and a form. */
export function ObligationDetailPage({ obligationId }: { obligationId: string }) {
  const { t } = useTranslation();
  const detail = useObligation(obligationId);
  return (
    <QueryView
      query={detail}
      header={<BackLink to="/compliance/obligations">{t('compliance.back')}</BackLink>}
    >
      {(data) => <Detail data={data} />}
    </QueryView>
  );
}

function Detail({ data }: { data: ObligationDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { obligation, check, supported } = data.result;
  const columns: Column<PartyResult>[] = [
    { key: 'party', header: t('compliance.fields.party'), render: (p) => p.label },
    {
      key: 'status',
      header: t('compliance.fields.status'),
      render: (p) => <ComplianceStatusBadge status={p.status} />,
    },
    {
      key: 'due',
      header: t('compliance.fields.dueOn'),
      render: (p) => (p.dueOn ? format.date(p.dueOn) : '—'),
    },
    {
      key: 'reason',
      header: t('compliance.fields.reason'),
      render: (p) => (
        <Stack gap={2}>
          <Text size="sm">{format.label(p.reason)}</Text>
          {p.records.length ? (
            <Group gap={6}>
              {p.records.slice(0, 8).map((r) =>
                r.link ? (
                  <Anchor
                    key={`${r.type}-${r.id}`}
                    size="xs"
                    component={Link}
                    to={consolePath(r.link)}
                  >
                    {r.label}
                  </Anchor>
                ) : (
                  <Text key={`${r.type}-${r.id}`} size="xs">
                    {r.label}
                  </Text>
                ),
              )}
              {p.records.length > 8 ? <Text size="xs">+{p.records.length - 8}</Text> : null}
            </Group>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'decidedBy',
      header: t('compliance.fields.decidedBy'),
      render: (p) => t(`compliance.checkTypes.${p.decidedBy}`, { defaultValue: p.decidedBy }),
    },
  ];

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={3}>{obligation.article}</Title>
        <Text size="xs" c="dimmed">
          {obligation.id} · {t(`compliance.binds.${obligation.binds}`)} ·{' '}
          {t(`compliance.kinds.${obligation.kind}`)} ·{' '}
          {t(`compliance.periods.${obligation.period ?? 'none'}`)}
        </Text>
      </Stack>
      <Blockquote p="sm" data-testid="obligation-text">
        {obligation.text}
      </Blockquote>
      <Text size="sm" c="dimmed">
        {obligation.summary_en}
      </Text>
      <Group gap="xs">
        <Text size="sm">{t('compliance.fields.check')}:</Text>
        {supported ? (
          <Badge variant="outline" color="gray">
            {t(`compliance.checkTypes.${check.type}`, { defaultValue: check.type })}
          </Badge>
        ) : (
          <Badge color="indigo" variant="light">
            {t('compliance.statuses.not_supported')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {obligation.check}
        </Text>
      </Group>
      <DataTable
        testId="compliance-parties-table"
        columns={columns}
        rows={data.result.parties}
        rowKey={(p) => p.key}
        loading={false}
      />
      {data.accepts.length && data.canRecordFor.length ? <EvidenceForm data={data} /> : null}
      <EvidenceList evidence={data.evidence} parties={data.result.parties} />
    </Stack>
  );
}

function EvidenceForm({ data }: { data: ObligationDetail }) {
  const { t } = useTranslation();
  const record = useRecordEvidence();
  const [kind, setKind] = useState(data.accepts[0] ?? 'attestation');
  const partyOptions = data.result.parties
    .filter((p) => data.canRecordFor.includes(p.key))
    .map((p) => ({ value: p.key, label: p.label }));
  const [partyKey, setPartyKey] = useState<string | null>(partyOptions[0]?.value ?? null);
  const party = data.result.parties.find((p) => p.key === partyKey);
  const [files, setFiles] = useState<FileMetadata[]>([]);
  const [url, setUrl] = useState('');
  const [statement, setStatement] = useState('');
  const [validUntil, setValidUntil] = useState('');

  const submit = async () => {
    if (!partyKey) return;
    await record.mutateAsync({
      kind,
      obligationId: data.result.obligation.id,
      partyKey,
      fileId: files[0]?.id ?? null,
      url: url.trim() || null,
      statement,
      validUntil: validUntil || null,
    });
    notifySuccess(t(`compliance.evidence.recorded.${kind}`));
    setFiles([]);
    setUrl('');
    setStatement('');
    setValidUntil('');
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('compliance.evidence.title')}</Title>
        {data.accepts.length > 1 ? (
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as typeof kind)}
            data={data.accepts.map((k) => ({
              value: k,
              label: t(`compliance.evidence.kinds.${k}`),
            }))}
          />
        ) : (
          <Text size="sm">{t(`compliance.evidence.kinds.${kind}`)}</Text>
        )}
        <Select
          label={t('compliance.fields.party')}
          data={partyOptions}
          value={partyKey}
          onChange={setPartyKey}
          searchable
          allowDeselect={false}
        />
        <FileUploadField
          label={t('compliance.evidence.file')}
          agencyId={party?.agencyId ?? null}
          value={files}
          onChange={setFiles}
        />
        <TextInput
          label={t('compliance.evidence.url')}
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <Textarea
          label={t('compliance.evidence.statement')}
          required
          autosize
          minRows={2}
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('compliance.evidence.validUntil')}
          description={t('compliance.evidence.validUntilHelp')}
          value={validUntil}
          onChange={(event) => setValidUntil(event.currentTarget.value)}
        />
        <ProblemAlert error={record.error} />
        <Group>
          <Button loading={record.isPending} onClick={() => void submit().catch(() => {})}>
            {t(`compliance.evidence.submit.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function EvidenceList({ evidence, parties }: { evidence: Evidence[]; parties: PartyResult[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = (key: string) => parties.find((p) => p.key === key)?.label ?? key;
  const columns: Column<Evidence>[] = [
    {
      key: 'on',
      header: t('compliance.evidence.recordedOn'),
      render: (e) => format.date(e.recordedOn),
    },
    {
      key: 'kind',
      header: t('compliance.fields.kind'),
      render: (e) => t(`compliance.evidence.kinds.${e.kind}`),
    },
    { key: 'party', header: t('compliance.fields.party'), render: (e) => label(e.partyKey) },
    {
      key: 'statement',
      header: t('compliance.evidence.statement'),
      render: (e) => (
        <Stack gap={2}>
          <Text size="sm">{e.statement}</Text>
          <Group gap={6}>
            {e.fileId ? <AttachmentLink id={e.fileId} /> : null}
            {e.url ? (
              <Anchor href={e.url} target="_blank" rel="noreferrer noopener" size="xs">
                {e.url}
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      ),
    },
    {
      key: 'until',
      header: t('compliance.evidence.validUntil'),
      render: (e) => (e.validUntil ? format.date(e.validUntil) : '—'),
    },
    { key: 'by', header: t('compliance.evidence.by'), render: (e) => e.recordedByName },
  ];
  return (
    <Stack gap="xs">
      <Title order={4}>{t('compliance.evidence.history')}</Title>
      <DataTable
        testId="compliance-evidence-table"
        columns={columns}
        rows={evidence}
        rowKey={(e) => e.id}
        loading={false}
        emptyText={t('compliance.evidence.none')}
      />
    </Stack>
  );
}
