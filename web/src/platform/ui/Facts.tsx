import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

/** Read-only label/value pairs of a detail screen, in a responsive grid. */
export function Facts({ items, cols = 2 }: { items: Fact[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: cols }} spacing="sm" verticalSpacing="xs">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
