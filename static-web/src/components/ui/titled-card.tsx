import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card with a small heading: one section of a host tab. */
export function TitledCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="md" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
