// Only same-site paths are accepted as a place to return to after login.
export function safeRedirect(raw: string | null | undefined, fallback = '/me'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return fallback;
  return raw;
}
