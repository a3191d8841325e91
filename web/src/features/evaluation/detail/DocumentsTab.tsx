import { Anchor, Button, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../platform/api/client';
import { fileContentUrl } from '../../../platform/files/api';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { TransitionsPanel } from '../../../platform/workflow/TransitionsPanel';
import {
  beritaAcaraDraftPath,
  type Evaluation,
  type Framework,
  useBeritaAcara,
  useEvaluationTransition,
} from '../api';

/** The stages (transitions), the signed Berita Acara and the timeline. */
export function DocumentsTab({ ev }: { ev: Evaluation; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const transition = useEvaluationTransition(ev.id);
  const ba = useBeritaAcara(ev.id);
  const [error, setError] = useState<unknown>(null);
  const coordinator = ev.myRole === 'coordinator';
  const open = ['self_assessment', 'internal_validation'].includes(ev.stage);
  return (
    <Stack>
      <SectionCard title={t('evaluation.stageActions')}>
        <TransitionsPanel
          transitions={ev.transitions}
          agencyId={ev.agencyId}
          onTake={(input) => transition.mutateAsync(input)}
          emptyText={t('evaluation.noActions')}
        />
      </SectionCard>
      <SectionCard title={t('evaluation.beritaAcara')}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('evaluation.beritaAcaraHint')}
          </Text>
          {ev.beritaAcara ? (
            <Anchor href={fileContentUrl(ev.beritaAcara.id)}>{ev.beritaAcara.name}</Anchor>
          ) : (
            <Text size="sm">{t('evaluation.beritaAcaraNone')}</Text>
          )}
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              downloadFile(beritaAcaraDraftPath(ev.id), undefined, 'berita-acara.pdf').catch(
                setError,
              )
            }
          >
            {t('evaluation.beritaAcaraDraft')}
          </Button>
          {coordinator && open ? (
            <FileUploadField
              label={t('evaluation.beritaAcaraUpload')}
              agencyId={ev.agencyId}
              value={[]}
              onUploaded={(f) => ba.mutateAsync({ fileId: f.id })}
            />
          ) : null}
          {error || ba.error ? <ProblemAlert error={error ?? ba.error} /> : null}
        </Stack>
      </SectionCard>
      <SectionCard title={t('evaluation.timeline')}>
        <Timeline bulletSize={14}>
          {ev.timeline.map((e) => (
            <Timeline.Item key={`${e.at}-${e.transition}`} title={`${e.transition} → ${e.toState}`}>
              <Text size="xs" c="dimmed">
                {new Date(e.at).toLocaleString(i18n.language)} · {e.actorLabel}
              </Text>
              {e.comment ? <Text size="sm">{e.comment}</Text> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </SectionCard>
    </Stack>
  );
}
