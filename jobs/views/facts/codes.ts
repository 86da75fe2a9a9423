/** Agency values shown only when they are codes: a free-text field may carry names, and views never show those. */

/** An agency's code (letters, digits, underscores; upper-cased), or null for anything that might be free text. */
export function codeOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toUpperCase() ?? '';
  return /^[A-Z0-9_]{1,40}$/.test(trimmed) ? trimmed : null;
}
