import { Button, Group, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The description above a Pusat Data catalogue and, for those who manage it, its add button. */
export function CatalogueHeader({
  description,
  addLabel,
  onAdd,
}: {
  description: string;
  /** Null hides the button (the caller may not add entries). */
  addLabel: string | null;
  onAdd: () => void;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="xs">
      <Text c="dimmed" size="sm">
        {description}
      </Text>
      {addLabel ? (
        <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
          {addLabel}
        </Button>
      ) : null}
    </Group>
  );
}

/** The row action that opens a catalogue entry for editing; named after the entry for screen readers. */
export function EditEntryButton({
  name,
  onClick,
  children,
}: {
  name: string;
  onClick: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconPencil size={14} />}
      aria-label={t('datacenter.editEntry', { name })}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
