/** The time left, in words and colour (the words alone carry the meaning). */
export function DeadlineChip({ tone, text }: { tone: string; text: string }) {
  return <span className={`deadline deadline-${tone}`}>{text}</span>;
}
