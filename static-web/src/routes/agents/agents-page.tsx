import { Stack, Text, Title } from '@mantine/core';
import { OperatorOnly } from '../../components/ui/operator-only';
import { AgentsSection } from './agents-section';
import { TokensSection } from './tokens-section';

/** Agent keys and enrollment tokens (operator). */
export function AgentsPage() {
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Agents
        </Title>
        <Text fz="sm" c="dimmed">
          The keys hosts post with, and the tokens fleets enroll with.
        </Text>
      </div>
      <OperatorOnly what="Managing agent keys and enrollment tokens">
        <AgentsSection />
        <TokensSection />
      </OperatorOnly>
    </Stack>
  );
}
