import {
  Badge,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FileLink } from '../../../platform/files/FileLink';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { useFormatters } from '../../../platform/i18n/format';
import { notifySuccess } from '../../../platform/ui/forms';
import { type ApplicationDetail, type ApplicationDocument, useAttachDocument } from '../api';
import type { DocumentKind } from '../model';

/**
 * The four required documents (Perbup Tabanan 44/2022 Pasal 7 ayat (4)): the current version of
 * each with its download, an upload of a new version, and every earlier version.
 */
export function DocumentsSection({
  app,
  canManage,
}: {
  app: ApplicationDetail;
  canManage: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="documents">
      {app.documents.map((slot) => (
        <DocumentSlot
          key={slot.kind}
          app={app}
          kind={slot.kind}
          current={slot.current}
          history={slot.history}
          canManage={canManage}
        />
      ))}
    </SimpleGrid>
  );
}

function DocumentSlot({
  app,
  kind,
  current,
  history,
  canManage,
}: {
  app: ApplicationDetail;
  kind: DocumentKind;
  current: ApplicationDocument | null;
  history: ApplicationDocument[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const attach = useAttachDocument(app.id);
  const [historyOpen, historyToggle] = useDisclosure(false);
  const label = t(`applications.documentKinds.${kind}`);
  const earlier = history.filter((doc) => doc.id !== current?.id);

  return (
    <Paper withBorder p="md" radius="md" data-testid={`document-${kind}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{label}</Text>
          {current ? (
            <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
              {t('applications.documents.version', { version: current.version })}
            </Badge>
          ) : (
            <Badge
              color={app.completeness.required ? 'red' : 'gray'}
              variant="light"
              style={{ flexShrink: 0 }}
            >
              {t('applications.documents.missing')}
            </Badge>
          )}
        </Group>
        {current ? (
          <Stack gap={0}>
            <FileLink id={current.fileId} name={current.originalName} size={current.size} />
            <Text size="xs" c="dimmed">
              {t('applications.documents.uploadedBy', {
                name: current.uploadedByName ?? '—',
                at: format.dateTime(current.createdAt),
              })}
            </Text>
          </Stack>
        ) : null}
        {canManage ? (
          <FileUploadField
            label={t('applications.documents.upload', { kind: label })}
            hideLabel
            agencyId={app.agencyId}
            buttonLabel={
              current ? t('applications.documents.uploadNew') : t('applications.documents.choose')
            }
            onUploaded={async (file) => {
              await attach.mutateAsync({ kind, fileId: file.id });
              notifySuccess(t('applications.documents.attached', { kind: label }));
            }}
          />
        ) : null}
        {earlier.length > 0 ? (
          <>
            <UnstyledButton onClick={historyToggle.toggle} aria-expanded={historyOpen}>
              <Group gap={4}>
                {historyOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                <Text size="sm" c="indigo">
                  {t('applications.documents.history', { count: earlier.length })}
                </Text>
              </Group>
            </UnstyledButton>
            <Collapse expanded={historyOpen}>
              <Stack gap={4}>
                {earlier.map((doc) => (
                  <Group key={doc.id} gap="xs" wrap="nowrap">
                    <Badge size="sm" variant="outline" color="gray">
                      v{doc.version}
                    </Badge>
                    <FileLink id={doc.fileId} name={doc.originalName} size={doc.size} />
                    <Text size="xs" c="dimmed">
                      {format.dateTime(doc.createdAt)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Collapse>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
