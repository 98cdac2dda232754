import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

function CopyableCode({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Code>
    </Stack>
  );
}

/**
 * A secret the API returns once (an agent key or an enrollment token), with the command that uses it. Both have a
 * copy button; the warning says plainly that the secret cannot be shown again.
 */
export function SecretReveal({ secretLabel, secret, command, commandHelp }: { secretLabel: string; secret: string; command: string; commandHelp: string }) {
  return (
    <Stack gap="sm" data-testid="secret-reveal">
      <Alert color="yellow" variant="light" title={`Copy the ${secretLabel.toLowerCase()} now`} role="status">
        It is shown only this once: the service keeps only its hash. If it is lost, rotate or issue a new one.
      </Alert>
      <CopyableCode label={secretLabel} value={secret} testId="secret-value" />
      <CopyableCode label="Install command" value={command} testId="install-command" />
      <Text fz="xs" c="dimmed">
        {commandHelp}
      </Text>
    </Stack>
  );
}
