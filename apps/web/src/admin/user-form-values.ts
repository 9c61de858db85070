/** An emptied optional input is "not given" when creating, and "remove it" (null) when editing. */
export function blankToUndefined(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function blankToNull(value: string | null | undefined): string | null {
  return blankToUndefined(value) ?? null;
}
