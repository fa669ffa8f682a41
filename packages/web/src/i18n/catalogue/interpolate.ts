/** `{name}` placeholders of a message, and filling them in. */

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

/** The message with every `{name}` replaced; a placeholder without a value is left as is, so it shows. */
export function interpolate(message: string, values: Readonly<Record<string, string | number>> = {}): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}
