import { Badge, Group } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../model';

/** The seven stages in order: done, current and still to come. */
export function StageTrack({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const current = STAGES.indexOf(stage);
  return (
    <Group
      gap={4}
      data-testid="stage-track"
      aria-label={t('applications.fields.stage')}
      role="list"
    >
      {STAGES.map((name, index) => (
        <Fragment key={name}>
          {index > 0 ? <IconChevronRight size={12} color="var(--mantine-color-gray-5)" /> : null}
          <Badge
            role="listitem"
            aria-current={index === current ? 'step' : undefined}
            color={index < current ? 'teal' : index === current ? 'indigo' : 'gray'}
            variant={index === current ? 'filled' : index < current ? 'light' : 'outline'}
            tt="none"
          >
            {index + 1}. {t(`applications.stages.${name}`)}
          </Badge>
        </Fragment>
      ))}
    </Group>
  );
}
