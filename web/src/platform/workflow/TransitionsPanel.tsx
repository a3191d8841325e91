import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldErrors } from '../api/problem';
import type { FileMetadata } from '../files/api';
import { FileUploadField } from '../files/FileUploadField';
import { notifySuccess } from '../ui/forms';
import { ProblemAlert } from '../ui/ProblemAlert';
import {
  missingTransitionParts,
  type TransitionButton,
  transitionButtons,
  transitionPayload,
} from './transitions';
import type { AvailableTransition, TransitionInput } from './types';

/**
 * Fields a module adds to the dialog of one transition (the allocation on accepting a hosting
 * request): rendered above the comment, validated before sending, merged into the body, and given
 * the server's field errors.
 */
export interface TransitionExtra {
  fields: ReactNode;
  /** False keeps the dialog open (the module shows its own field errors). */
  validate?: () => boolean;
  payload?: () => Record<string, unknown>;
  setErrors?: (errors: Record<string, string>) => void;
  /** Clears the fields when the dialog opens again. */
  reset?: () => void;
}

interface TransitionsPanelProps {
  transitions: readonly AvailableTransition[];
  /** Whose files the attachments become (the subject's agency). */
  agencyId: string;
  /** Takes the transition (a mutation's `mutateAsync`); a rejection keeps the dialog open. */
  onTake: (input: TransitionInput & Record<string, unknown>) => Promise<unknown>;
  /** Names the state a transition leads to, shown in its dialog. */
  stateLabel?: (state: string) => string;
  /** Per transition: a more precise label of the comment field. */
  commentLabels?: Partial<Record<string, string>>;
  extras?: Partial<Record<string, TransitionExtra>>;
  /**
   * A more precise wording, per transition, of why the server blocks it (which fields are
   * missing). Transitions the server blocks (`blockedBy`) have their button disabled and the
   * reason shown under it; this never blocks one by itself.
   */
  blockReasons?: Partial<Record<string, string>>;
  /** Shown when nothing can be done now. */
  emptyText?: string;
}

/**
 * The one transitions panel of the console: a button per transition the caller may take now; each
 * opens a dialog with the comment (required when the workflow says so, e.g. the reasons for
 * returning), the attachments and any module fields, then takes it.
 */
export function TransitionsPanel({
  transitions,
  agencyId,
  onTake,
  stateLabel,
  commentLabels,
  extras,
  blockReasons,
  emptyText,
}: TransitionsPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<TransitionButton | null>(null);
  const buttons = transitionButtons(transitions, i18n.language, blockReasons);

  if (buttons.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="transitions-empty">
        {emptyText ?? t('workflow.noActions')}
      </Text>
    );
  }

  const target = open ? transitions.find((tr) => tr.name === open.name) : undefined;
  return (
    <>
      <Stack gap="xs">
        <Group gap="sm" data-testid="transitions">
          {buttons.map((button) => (
            <Button
              key={button.name}
              color={button.color}
              variant={button.variant}
              disabled={button.blocked !== null}
              onClick={() => {
                extras?.[button.name]?.reset?.();
                setOpen(button);
              }}
            >
              {button.label}
            </Button>
          ))}
        </Group>
        {buttons
          .filter((button) => button.blocked !== null)
          .map((button) => (
            <Text key={button.name} size="sm" c="dimmed" data-testid="transition-blocked">
              {t('workflow.blocked', { label: button.label, reason: button.blocked })}
            </Text>
          ))}
      </Stack>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open?.label}
        size={open && extras?.[open.name] ? 'lg' : 'md'}
      >
        {open ? (
          <TransitionDialog
            key={open.name}
            button={open}
            agencyId={agencyId}
            toLabel={target && stateLabel ? stateLabel(target.to) : undefined}
            commentLabel={commentLabels?.[open.name] ?? t(open.commentLabelKey)}
            extra={extras?.[open.name]}
            onTake={onTake}
            onDone={() => setOpen(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}

interface DialogValues {
  comment: string;
  attachments: FileMetadata[];
}

function TransitionDialog({
  button,
  agencyId,
  toLabel,
  commentLabel,
  extra,
  onTake,
  onDone,
}: {
  button: TransitionButton;
  agencyId: string;
  toLabel?: string;
  commentLabel: string;
  extra?: TransitionExtra;
  onTake: TransitionsPanelProps['onTake'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const form = useForm<DialogValues>({
    mode: 'controlled',
    initialValues: { comment: '', attachments: [] },
    validate: (values) => {
      const missing = missingTransitionParts(button, {
        comment: values.comment,
        attachmentIds: values.attachments.map((file) => file.id),
      });
      return {
        comment: missing.comment ? t(missing.comment) : null,
        attachments: missing.attachmentIds ? t(missing.attachmentIds) : null,
      };
    },
  });

  const submit = form.onSubmit(async (values) => {
    if (extra?.validate && !extra.validate()) return;
    setError(null);
    setSending(true);
    try {
      await onTake({
        ...(extra?.payload?.() ?? {}),
        ...transitionPayload(button.name, {
          comment: values.comment,
          attachmentIds: values.attachments.map((file) => file.id),
        }),
      });
      notifySuccess(t('workflow.taken', { label: button.label }));
      onDone();
    } catch (cause) {
      setError(cause);
      const fieldErrors = problemFieldErrors(cause);
      extra?.setErrors?.(fieldErrors);
      const attachmentError = Object.entries(fieldErrors).find(([path]) =>
        path.startsWith('attachmentIds'),
      )?.[1];
      form.setErrors({
        ...(fieldErrors.comment ? { comment: fieldErrors.comment } : {}),
        ...(attachmentError ? { attachments: attachmentError } : {}),
      });
    } finally {
      setSending(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {toLabel ? (
          <Text size="sm" c="dimmed">
            {t('workflow.leadsTo', { state: toLabel })}
          </Text>
        ) : null}
        <ProblemAlert error={error} />
        {extra?.fields}
        <Textarea
          label={commentLabel}
          required={button.requireComment}
          autosize
          minRows={3}
          {...form.getInputProps('comment')}
        />
        <FileUploadField
          label={t('workflow.attachments')}
          agencyId={agencyId}
          multiple
          required={button.requireAttachment}
          value={form.values.attachments}
          onChange={(files) => form.setFieldValue('attachments', files)}
          error={form.errors.attachments}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={button.color} loading={sending}>
            {button.label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
