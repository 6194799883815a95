import { describe, expect, test } from 'vitest'
import { chineseLiterals, isWordsFile, sourceFiles } from '../support/sources.js'

/**
 * Every sentence the bot says lives in a feature's (or the kit's) text.ts, every word it
 * recognises in a lexicon.ts: a Chinese literal anywhere else fails here. A command's name and
 * aliases stay in its defineCommand.
 */
describe('words live in text.ts', () => {
  test('no Chinese literal outside text.ts and lexicon.ts files', () => {
    const stray = sourceFiles()
      .filter((f) => !isWordsFile(f))
      .flatMap((f) => chineseLiterals(f).map((l) => `${f}:${l.line} ${l.text}`))
    expect(stray).toEqual([])
  })
})
