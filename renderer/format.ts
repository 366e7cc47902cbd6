/** 1 -> "1 quote", 3 -> "3 quotes"; English regular plurals are all the UI needs. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
