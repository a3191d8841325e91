import { ActionIcon, Anchor, Button, Group, Input, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { IconPaperclip, IconUpload, IconX } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../api/problem';
import { type FileMetadata, fileContentUrl, useUploadFile } from './api';
import { formatBytes } from './size';

/** What the server accepts (it sniffs the bytes; this only narrows the browser's picker). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.zip,.txt,.md';

interface FileUploadFieldProps {
  /** Names the field; it is also the accessible name of the upload button. */
  label: string;
  description?: ReactNode;
  /** The agency the files belong to (who may read them); uploads wait until it is known. */
  agencyId: string | null | undefined;
  /** Files uploaded so far (controlled), listed under the button with a remove action. */
  value?: FileMetadata[];
  onChange?: (files: FileMetadata[]) => void;
  /** Called after each upload, e.g. to attach the file to a record straight away. */
  onUploaded?: (file: FileMetadata) => Promise<unknown> | undefined;
  multiple?: boolean;
  required?: boolean;
  disabled?: boolean;
  error?: ReactNode;
  /** Text of the button; defaults to "Pilih berkas". */
  buttonLabel?: string;
  /** The label names the button for assistive technology only (the context already shows it). */
  hideLabel?: boolean;
}

/**
 * The one file-upload field of the console: picks files, uploads each to `/api/v1/files` for the
 * given agency and hands back the stored file's metadata. Used for required documents,
 * transition attachments, test reports and restore-test evidence alike.
 */
export function FileUploadField({
  label,
  description,
  agencyId,
  value,
  onChange,
  onUploaded,
  multiple = false,
  required,
  disabled,
  error,
  buttonLabel,
  hideLabel = false,
}: FileUploadFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadFile();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const files = value ?? [];

  const handle = async (picked: File[]) => {
    if (!agencyId || picked.length === 0) return;
    setUploadError(null);
    setBusy(true);
    const uploaded: FileMetadata[] = [];
    try {
      for (const file of picked) {
        const stored = await upload.mutateAsync({ file, agencyId });
        uploaded.push(stored);
        await onUploaded?.(stored);
      }
    } catch (cause) {
      setUploadError(
        isProblemError(cause) ? cause.message || cause.problem.title : t('errors.unexpected'),
      );
    } finally {
      setBusy(false);
      if (uploaded.length) onChange?.(multiple ? [...files, ...uploaded] : uploaded);
    }
  };

  return (
    <Input.Wrapper
      id={id}
      label={hideLabel ? undefined : label}
      description={description}
      required={required}
      error={uploadError ?? error}
    >
      <Stack gap={6} mt={4}>
        <input
          ref={input}
          type="file"
          hidden
          multiple={multiple}
          accept={ACCEPT}
          data-testid="file-input"
          onChange={(event) => {
            const picked = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            void handle(picked);
          }}
        />
        <Group gap="xs">
          <Button
            id={id}
            aria-label={hideLabel ? label : undefined}
            variant="default"
            size="sm"
            leftSection={<IconUpload size={16} />}
            loading={busy}
            disabled={disabled || !agencyId}
            onClick={() => input.current?.click()}
          >
            {buttonLabel ?? t('files.choose')}
          </Button>
          {busy ? (
            <Text size="xs" c="dimmed">
              {t('files.uploading')}
            </Text>
          ) : null}
        </Group>
        {files.length > 0 ? (
          <Stack gap={2} data-testid="uploaded-files">
            {files.map((file) => (
              <Group key={file.id} gap={6} wrap="nowrap">
                <IconPaperclip size={14} />
                <Anchor href={fileContentUrl(file.id)} size="sm" truncate>
                  {file.originalName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(file.size, i18n.language)}
                </Text>
                {onChange ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('files.remove', { name: file.originalName })}
                    onClick={() => onChange(files.filter((other) => other.id !== file.id))}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
