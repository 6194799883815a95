import fc from 'fast-check'
import { expect } from 'vitest'

/** One short Chinese sentence, as every refusal must be. */
export function expectShortSentence(s: string): void {
  expect(s).toMatch(/\p{Script=Han}/u)
  expect(s).toMatch(/[。！]$/u)
  expect([...s].length).toBeLessThanOrEqual(80)
  expect(s).not.toContain('\n')
}

/** What people type: anything, plus the words and shapes these commands are made of. */
export const typed = (words: string[]) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.array(fc.oneof(fc.constantFrom(...words), fc.integer({ min: -99999, max: 9999999 }).map(String), fc.constantFrom(' ', '，', '、', '@张三\u2005', '#', '-', '分', '号楼', '库存', '十', '五零二')), { maxLength: 8 }).map((xs) => xs.join('')),
  )
