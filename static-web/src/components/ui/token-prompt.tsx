import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';

/** Asks for a reader token: on first visit, and again (with the reason) after a 401. */
export function TokenPrompt({ message, onSubmit }: { message?: string; onSubmit: (token: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <Center mih="80vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="form" onSubmit={submit} aria-labelledby="token-title">
        <Stack>
          <Title order={2} id="token-title">
            Sign in to InfraFunctions
          </Title>
          {message && (
            <Alert color="red" variant="light" title="Token not accepted" role="alert" data-testid="token-error">
              {message}
            </Alert>
          )}
          <Text fz="sm" c="dimmed">
            Paste a reader or operator token issued by an administrator. It is kept in this browser only and sent to the API as a
            bearer token.
          </Text>
          <PasswordInput
            label="Access token"
            placeholder="Token"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            required
          />
          <Button type="submit" disabled={!value.trim()}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
