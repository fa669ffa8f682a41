/** A language named in the reader's language ("inglés" for `en` in Spanish), or its code when the engine has no names. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
