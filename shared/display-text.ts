/**
 * Text from the network made safe to show: bidi controls (U+202E turns `gnp.exe` into `exe.png`
 * on screen), zero-width and other invisible format characters are dropped, and control
 * characters and line/paragraph separators become spaces. What is left reads as it is stored.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/gu;
/** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F): exactly Unicode's Cc. */
const C0_C1 = /\p{Cc}/gu;
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function displaySafe(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '').replace(CONTROL_CHARACTERS, ' ');
}

/** True when the text holds a control, bidi/format or line separator character. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTERS.test(text);
}

/**
 * The text without any C0/C1 control character. A printer reads those as commands (ESC p opens
 * the drawer, GS V cuts), so nothing printed as text may carry one, whatever its source.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(C0_C1, '');
}
