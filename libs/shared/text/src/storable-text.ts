// Half of a surrogate pair without its other half (not a character at all).
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text every store of ours keeps as it was given: PostgreSQL refuses NUL in text and jsonb, and an
 * unpaired surrogate in jsonb (in text it would silently become U+FFFD). Refused at the edge, such text
 * can never be accepted and then lost.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/**
 * Text the incident accepts: at least one non-whitespace character, at most `maxLength` UTF-16 code
 * units (String.length; an emoji counts 2), and storable. The gateway validates with this same check.
 */
export function isText(value: unknown, maxLength: number): value is string {
  return (
    typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength && isStorableText(value)
  );
}
