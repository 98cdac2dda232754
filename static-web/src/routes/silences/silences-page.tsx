export function SilencesPage() {
  return null;
}
