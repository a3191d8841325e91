import { Anchor, type AnchorProps, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, ReactNode, Ref } from 'react';
import type { ConsolePath } from '../layout/navigation';

type MantineAnchorProps = AnchorProps &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof AnchorProps> & {
    ref?: Ref<HTMLAnchorElement>;
  };

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor component="a" {...props} />;
}

const CreatedAnchorLink = createLink(MantineAnchor);

/** Mantine `Anchor` with type-checked router navigation (`to`, `params`, `search`). */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

/** "← Back to …" link above a detail page. */
export function BackLink({ to, children }: { to: ConsolePath; children: ReactNode }) {
  return (
    <AnchorLink to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {children}
      </Group>
    </AnchorLink>
  );
}
