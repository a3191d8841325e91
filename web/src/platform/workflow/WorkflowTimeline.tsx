import { Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowRight, IconCircleDot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '../files/FileLink';
import { useFormatters } from '../i18n/format';
import type { TimelineEvent } from './types';

interface WorkflowTimelineProps {
  events: readonly TimelineEvent[];
  /** Names a state in the UI language. */
  stateLabel: (state: string) => string;
  /** Names an event; defaults to the server's label, then to the transition's name. */
  eventLabel?: (event: TimelineEvent) => string;
}

/**
 * The one timeline of the console: every step of a workflow instance, oldest first — what was
 * done, from which state to which, by whom and when, with the comment and the attachments.
 */
export function WorkflowTimeline({ events, stateLabel, eventLabel }: WorkflowTimelineProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('workflow.noEvents')}
      </Text>
    );
  }
  const title = (event: TimelineEvent) =>
    eventLabel?.(event) || format.label(event.label) || event.transition;
  return (
    <Timeline
      active={events.length - 1}
      bulletSize={22}
      lineWidth={2}
      data-testid="workflow-timeline"
    >
      {events.map((event) => (
        <Timeline.Item
          key={event.seq}
          bullet={<IconCircleDot size={12} />}
          title={title(event)}
          data-testid="timeline-event"
        >
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {event.fromState && event.fromState !== event.toState ? (
                <>
                  {stateLabel(event.fromState)} <IconArrowRight size={10} />{' '}
                  {stateLabel(event.toState)}
                </>
              ) : (
                stateLabel(event.toState)
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {t('workflow.byAt', { actor: event.actorLabel, at: format.dateTime(event.at) })}
            </Text>
            {event.comment ? (
              <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-gray-0)">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.comment}
                </Text>
              </Paper>
            ) : null}
            <AttachmentList ids={event.attachmentIds} />
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
