import { TagsInput } from '@mantine/core';
import { tagsFromChips } from '../../lib/tags';

/** key=value chips, checked as the server checks them; the first problem shows under the field. */
export function TagsField({ value, onChange, serverError, label = 'Tags' }: { value: string[]; onChange: (chips: string[]) => void; serverError?: string; label?: string }) {
  const { errors } = tagsFromChips(value);
  return (
    <TagsInput
      label={label}
      description="Optional. key=value, press Enter after each, e.g. env=prod. A key starts with a letter (letters, digits, _ . -, up to 64); a value is 1-128 printable characters."
      placeholder="env=prod"
      value={value}
      onChange={onChange}
      // A tag value may hold a comma, so only Enter (or leaving the field) ends a chip.
      splitChars={[]}
      acceptValueOnBlur
      clearable
      error={errors[0] ?? serverError}
      data-testid="tags-input"
    />
  );
}
