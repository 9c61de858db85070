/**
 * `returnTo` comes from the address bar, so only a same-origin path is followed; anything else (another
 * site, `//host`, the API) falls back to the area's home.
 */
export function safeReturnTo(candidate: string | null | undefined, fallback: string): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\'))
    return fallback;
  if (candidate.startsWith('/api/')) return fallback;
  return candidate;
}
