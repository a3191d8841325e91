import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldErrors } from '../../../platform/api/problem';
import { useMe } from '../../../platform/auth/useSession';
import { fileContentUrl } from '../../../platform/files/api';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { notifySuccess } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useApplicationOptions } from '../../applications/api';
import {
  type Evaluation,
  type EvaluationIndicator,
  type EvidenceLink,
  type Framework,
  useAssign,
  useExternalLevels,
  useSelfAssess,
  useValidate,
} from '../api';

export function scaleFor(framework: Framework, no: number) {
  const ind = framework.indicators.find((i) => i.no === no);
  const domain = framework.aspects.find((a) => a.no === ind?.aspect)?.domain ?? 0;
  return (
    framework.levelScales.find((s) => s.appliesToDomains.includes(domain)) ??
    framework.levelScales[0]
  );
}

/** Who may do what on this screen (the server checks again). */
export function useAbilities(ev: Evaluation) {
  const me = useMe();
  const admin = me.roles.some((r) => r.role === 'kominfo_admin');
  const role = ev.myRole;
  return {
    me,
    manage:
      (role === 'coordinator' || admin) &&
      ['self_assessment', 'internal_validation'].includes(ev.stage),
    selfAssess: (row: EvaluationIndicator) =>
      ev.stage === 'self_assessment' &&
      (role === 'coordinator' ||
        role === 'data_entry' ||
        (role !== null && row.assigneeId === me.id)),
    validate:
      (role === 'responsible' || role === 'coordinator') &&
      ['self_assessment', 'internal_validation'].includes(ev.stage),
    external: ev.stage === 'submitted' && (role === 'coordinator' || admin),
  };
}

/** The indicator sheet: assignment, self-assessment, validation, external levels. */
export function IndicatorsTab({ ev, framework }: { ev: Evaluation; framework: Framework }) {
  const { t } = useTranslation();
  const can = useAbilities(ev);
  const [mine, setMine] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [editing, setEditing] = useState<EvaluationIndicator | null>(null);
  const [validating, setValidating] = useState<EvaluationIndicator | null>(null);
  const [externalOpen, setExternalOpen] = useState(false);
  const assign = useAssign(ev.id);
  const rows = ev.indicators.filter((i) => !mine || i.assigneeId === can.me.id);
  const toggle = (no: number) =>
    setSelected((s) => (s.includes(no) ? s.filter((x) => x !== no) : [...s, no]));
  const levelCell = (level: number | null) =>
    level === null ? <Text c="dimmed">–</Text> : <Text fw={600}>{level}</Text>;
  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={t('evaluation.onlyMine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
        />
        {can.external ? (
          <Button onClick={() => setExternalOpen(true)}>{t('evaluation.enterExternal')}</Button>
        ) : null}
      </Group>
      {can.manage ? (
        <Group align="flex-end">
          <Select
            label={t('evaluation.assignTo')}
            placeholder={t('evaluation.pickMember')}
            data={ev.members.map((m) => ({
              value: m.userId,
              label: `${m.name} (${t(`evaluation.roles.${m.role}`)})`,
            }))}
            value={assignee}
            onChange={setAssignee}
            w={360}
          />
          <Button
            disabled={selected.length === 0 || !assignee}
            loading={assign.isPending}
            onClick={async () => {
              await assign.mutateAsync({ indicatorNos: selected, assigneeId: assignee });
              notifySuccess(t('evaluation.assigned', { count: selected.length }));
              setSelected([]);
            }}
          >
            {t('evaluation.assign', { count: selected.length })}
          </Button>
          {assign.error ? <ProblemAlert error={assign.error} /> : null}
        </Group>
      ) : null}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {can.manage ? <Table.Th /> : null}
            <Table.Th>No</Table.Th>
            <Table.Th>{t('evaluation.indicator')}</Table.Th>
            <Table.Th>{t('evaluation.weight')}</Table.Th>
            <Table.Th>{t('evaluation.assignee')}</Table.Th>
            <Table.Th>{t('evaluation.stages.self')}</Table.Th>
            <Table.Th>{t('evaluation.stages.validated')}</Table.Th>
            <Table.Th>{t('evaluation.stages.external')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.no} data-testid={`indicator-${row.no}`}>
              {can.manage ? (
                <Table.Td>
                  <Checkbox
                    aria-label={t('evaluation.selectIndicator', { no: row.no })}
                    checked={selected.includes(row.no)}
                    onChange={() => toggle(row.no)}
                  />
                </Table.Td>
              ) : null}
              <Table.Td>{row.no}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.name.replace(/^Tingkat Kematangan /, '')}</Text>
                {row.evidenceFiles.length + row.evidenceLinks.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('evaluation.evidenceCount', {
                      count: row.evidenceFiles.length + row.evidenceLinks.length,
                    })}
                  </Text>
                ) : null}
                {row.validationNote ? (
                  <Text size="xs" c="orange.8">
                    {t('evaluation.validatorNote')}: {row.validationNote}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{row.weight.toLocaleString('id')}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.assigneeName ?? '–'}</Text>
              </Table.Td>
              <Table.Td>{levelCell(row.selfLevel)}</Table.Td>
              <Table.Td>
                {row.validatedLevel !== null && row.validatedLevel !== row.selfLevel ? (
                  <Badge color="orange">{row.validatedLevel}</Badge>
                ) : (
                  levelCell(row.validatedLevel)
                )}
              </Table.Td>
              <Table.Td>{levelCell(row.externalLevel)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {can.selfAssess(row) ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing(row)}
                      aria-label={t('evaluation.fillIndicator', { no: row.no })}
                    >
                      {t('evaluation.fill')}
                    </Button>
                  ) : null}
                  {can.validate ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setValidating(row)}
                      aria-label={t('evaluation.validateIndicator', { no: row.no })}
                    >
                      {t('evaluation.validate')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? (
        <SelfAssessModal
          ev={ev}
          framework={framework}
          row={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {validating ? (
        <ValidateModal
          ev={ev}
          framework={framework}
          row={validating}
          onClose={() => setValidating(null)}
        />
      ) : null}
      {externalOpen ? (
        <ExternalModal ev={ev} framework={framework} onClose={() => setExternalOpen(false)} />
      ) : null}
    </Stack>
  );
}

function LevelChoice({
  framework,
  no,
  value,
  onChange,
  error,
}: {
  framework: Framework;
  no: number;
  value: string | null;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const scale = scaleFor(framework, no);
  const criteria = framework.indicators.find((i) => i.no === no)?.criteria ?? [];
  return (
    <Radio.Group
      label={t('evaluation.level')}
      value={value}
      onChange={onChange}
      error={error}
      required
    >
      <Stack gap={6} mt={4}>
        {scale?.levels.map((l) => (
          <Radio
            key={l.level}
            value={String(l.level)}
            label={`${l.level} – ${l.name}`}
            description={criteria.find((c) => c.level === l.level)?.text}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function SelfAssessModal({
  ev,
  framework,
  row,
  onClose,
}: {
  ev: Evaluation;
  framework: Framework;
  row: EvaluationIndicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const can = useAbilities(ev);
  const save = useSelfAssess(ev.id);
  const apps = useApplicationOptions(null);
  const [level, setLevel] = useState<string | null>(
    row.selfLevel === null ? null : String(row.selfLevel),
  );
  const [explanation, setExplanation] = useState(row.explanation ?? '');
  const [files, setFiles] = useState(row.evidenceFiles);
  const [links, setLinks] = useState<EvidenceLink[]>(row.evidenceLinks);
  const errors = problemFieldErrors(save.error);
  const question = framework.indicators.find((i) => i.no === row.no)?.question;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`${t('evaluation.indicator')} ${row.no}. ${row.name}`}
    >
      <Stack>
        {question ? (
          <Text size="sm" fs="italic">
            {question}
          </Text>
        ) : null}
        <LevelChoice
          framework={framework}
          no={row.no}
          value={level}
          onChange={setLevel}
          error={errors.level}
        />
        <Textarea
          label={t('evaluation.explanation')}
          autosize
          minRows={3}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('evaluation.evidence')}
          </Text>
          {files.map((f) => (
            <Group key={f.id} gap={6}>
              <Anchor href={fileContentUrl(f.id)} size="sm">
                {f.name}
              </Anchor>
              <ActionIcon
                size="sm"
                variant="subtle"
                aria-label={t('evaluation.removeEvidence', { name: f.name })}
                onClick={() => setFiles(files.filter((x) => x.id !== f.id))}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
          {links.map((l) => (
            <Group key={`${l.kind}-${l.ref}`} gap={6}>
              <Badge variant="light">{t(`evaluation.linkKinds.${l.kind}`)}</Badge>
              <Text size="sm">{l.label}</Text>
              <ActionIcon
                size="sm"
                variant="subtle"
                aria-label={t('evaluation.removeEvidence', { name: l.label })}
                onClick={() => setLinks(links.filter((x) => x !== l))}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
          <FileUploadField
            label={t('evaluation.uploadEvidence')}
            agencyId={can.me.agencyId ?? ev.agencyId}
            value={[]}
            multiple
            onUploaded={(f) => {
              setFiles((cur) => [...cur, { id: f.id, name: f.originalName }]);
              return undefined;
            }}
          />
          <Select
            label={t('evaluation.linkApplication')}
            placeholder={t('evaluation.linkApplicationHint')}
            searchable
            data={(apps.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.agency.shortName ?? a.agency.code})`,
            }))}
            value={null}
            onChange={(id) => {
              const app = apps.data?.items.find((a) => a.id === id);
              if (app && !links.some((l) => l.ref === app.id)) {
                setLinks([...links, { kind: 'application', ref: app.id, label: app.name }]);
              }
            }}
          />
        </Stack>
        {save.error && Object.keys(errors).length === 0 ? (
          <ProblemAlert error={save.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={level === null}
            onClick={async () => {
              await save.mutateAsync({
                no: row.no,
                level: Number(level),
                explanation: explanation.trim() || null,
                evidenceFileIds: files.map((f) => f.id),
                evidenceLinks: links,
              });
              notifySuccess(t('evaluation.saved'));
              onClose();
            }}
          >
            {t('evaluation.saveAnswer')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ValidateModal({
  ev,
  framework,
  row,
  onClose,
}: {
  ev: Evaluation;
  framework: Framework;
  row: EvaluationIndicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useValidate(ev.id);
  const start = row.validatedLevel ?? row.selfLevel;
  const [level, setLevel] = useState<string | null>(start === null ? null : String(start));
  const [note, setNote] = useState(row.validationNote ?? '');
  const errors = problemFieldErrors(save.error);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`${t('evaluation.validate')}: ${row.no}. ${row.name}`}
    >
      <Stack>
        <Text size="sm">
          {t('evaluation.selfSaid', { level: row.selfLevel ?? '–' })}
          {row.explanation ? ` — ${row.explanation}` : ''}
        </Text>
        {row.evidenceFiles.map((f) => (
          <Anchor key={f.id} href={fileContentUrl(f.id)} size="sm">
            {f.name}
          </Anchor>
        ))}
        {row.evidenceLinks.map((l) => (
          <Text key={l.ref} size="sm">
            {t(`evaluation.linkKinds.${l.kind}`)}: {l.label}
          </Text>
        ))}
        <LevelChoice
          framework={framework}
          no={row.no}
          value={level}
          onChange={setLevel}
          error={errors.level}
        />
        <Textarea
          label={t('evaluation.validationNote')}
          description={t('evaluation.validationNoteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {save.error && Object.keys(errors).length === 0 ? (
          <ProblemAlert error={save.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={level === null}
            onClick={async () => {
              await save.mutateAsync({
                no: row.no,
                level: Number(level),
                note: note.trim() || null,
              });
              notifySuccess(t('evaluation.saved'));
              onClose();
            }}
          >
            {t('evaluation.saveValidation')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ExternalModal({
  ev,
  framework,
  onClose,
}: {
  ev: Evaluation;
  framework: Framework;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useExternalLevels(ev.id);
  const [levels, setLevels] = useState<Record<string, string | null>>(
    Object.fromEntries(
      ev.indicators.map((i) => [
        String(i.no),
        i.externalLevel === null ? null : String(i.externalLevel),
      ]),
    ),
  );
  const [source, setSource] = useState(ev.externalSource ?? '');
  return (
    <Modal opened onClose={onClose} size="xl" title={t('evaluation.enterExternal')}>
      <Stack>
        <Textarea
          label={t('evaluation.externalSource')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          autosize
        />
        <Table>
          <Table.Tbody>
            {ev.indicators.map((i) => (
              <Table.Tr key={i.no}>
                <Table.Td>{i.no}</Table.Td>
                <Table.Td>
                  <Text size="xs">{i.name}</Text>
                </Table.Td>
                <Table.Td w={110}>
                  <Select
                    aria-label={t('evaluation.externalLevelOf', { no: i.no })}
                    size="xs"
                    data={(scaleFor(framework, i.no)?.levels ?? []).map((l) => String(l.level))}
                    value={levels[String(i.no)] ?? null}
                    onChange={(v) => setLevels({ ...levels, [String(i.no)]: v })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={async () => {
              const filled = Object.fromEntries(
                Object.entries(levels).flatMap(([k, v]) => (v === null ? [] : [[k, Number(v)]])),
              );
              await save.mutateAsync({ levels: filled, source: source.trim() || null });
              onClose();
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
