/**
 * Text from the network made safe to show: bidi controls (U+202E turns `gnp.exe` into `exe.png`
 * on screen), zero-width and other invisible format characters are dropped, and control
 * characters and line/paragraph separators become spaces. What is left reads as it is stored.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/gu;

export function displaySafe(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '').replace(CONTROL_CHARACTERS, ' ');
}
