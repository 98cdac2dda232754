import { Input, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { TagsField } from '../../components/ui/tags-field';
import type { RuleDraft, ScopeKind } from './rule-draft';

const KINDS: { value: ScopeKind; label: string }[] = [
  { value: 'all', label: 'All hosts' },
  { value: 'tags', label: 'Hosts with tags' },
  { value: 'host', label: 'One host' },
];

interface ScopeFieldProps {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  error?: string;
  disabled?: boolean;
}

/** Which hosts a rule applies to: every host, those carrying all the given tags, or one host. */
export function ScopeField({ draft, set, error, disabled }: ScopeFieldProps) {
  return (
    <Input.Wrapper label="Scope" error={draft.scopeKind === 'all' ? error : undefined}>
      <Stack gap="xs" mt={4}>
        <SegmentedControl
          data={KINDS}
          value={draft.scopeKind}
          onChange={(v) => set({ scopeKind: v as ScopeKind })}
          disabled={disabled}
          aria-label="Scope"
          data-testid="scope-kind"
        />
        {draft.scopeKind === 'tags' && disabled && <TextInput label="Tag selector (all must match)" value={draft.tagChips.join(', ')} readOnly disabled />}
        {draft.scopeKind === 'tags' && !disabled && (
          <TagsField label="Tag selector (all must match)" value={draft.tagChips} onChange={(tagChips) => set({ tagChips })} serverError={error} />
        )}
        {draft.scopeKind === 'host' && (
          <TextInput label="Host id" value={draft.host} onChange={(e) => set({ host: e.currentTarget.value })} error={error} disabled={disabled} />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
