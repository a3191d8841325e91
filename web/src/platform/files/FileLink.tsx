import { Anchor, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileContentUrl, useFileMetadata } from './api';
import { formatBytes } from './size';

/** A download link to a stored file. */
export function FileLink({ id, name, size }: { id: string; name: string; size?: number }) {
  const { i18n } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <IconPaperclip size={14} />
      <Anchor href={fileContentUrl(id)} size="sm" truncate>
        {name}
      </Anchor>
      {size !== undefined ? (
        <Text size="xs" c="dimmed">
          {formatBytes(size, i18n.language)}
        </Text>
      ) : null}
    </Group>
  );
}

/** A download link to a file known only by id (an attachment): its name is looked up. */
export function AttachmentLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const file = useFileMetadata(id);
  return (
    <FileLink
      id={id}
      name={
        file.data?.originalName ?? (file.isError ? t('files.unavailable') : t('common.loading'))
      }
      size={file.data?.size}
    />
  );
}

export function AttachmentList({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <div>
      {ids.map((id) => (
        <AttachmentLink key={id} id={id} />
      ))}
    </div>
  );
}
