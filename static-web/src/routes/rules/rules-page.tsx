export function RulesPage(_: { edit: string | null; navigate: (href: string, replace?: boolean) => void }) {
  return null;
}
