import { describe, expect, test } from 'vitest'
import { importsOf, sourceFiles } from '../support/sources.js'

/**
 * Dependencies point down: domain (pure rules) < repositories and the outbox < the kit (Ctx,
 * defineCommand, the dialog engine, access) < features < the router < the chat adapter, the status
 * server and the app that wires them. A feature reaches another feature only through its index.ts.
 */
const LAYERS: [RegExp, number][] = [
  [/^(domain\/|log\.ts$|chat\/types\.ts$|config(\.text)?\.ts$)/, 0],
  [/^(db|outbox|scheduler)\//, 1],
  [/^kit\//, 2],
  [/^features\//, 3],
  [/^router\//, 4],
]
const layerOf = (file: string): number => LAYERS.find(([re]) => re.test(file))?.[1] ?? 5

/** the old flat folders, emptied into features/ and kit/ */
const LEGACY = ['services/', 'conversations/']

describe('layers', () => {
  const edges = sourceFiles().flatMap((from) => importsOf(from).map((i) => ({ from, to: i.target })))

  test('no import runs upward', () => {
    expect(edges.filter((e) => layerOf(e.to) > layerOf(e.from)).map((e) => `${e.from} -> ${e.to}`)).toEqual([])
  })

  test("a feature uses another feature only through its index.ts", () => {
    const feature = (f: string) => /^features\/([^/]+)\//.exec(f)?.[1]
    const crossing = edges.filter((e) => {
      const [a, b] = [feature(e.from), feature(e.to)]
      return a && b && a !== b && !e.to.endsWith(`features/${b}/index.ts`)
    })
    expect(crossing.map((e) => `${e.from} -> ${e.to}`)).toEqual([])
  })

  test('the old flat folders are gone', () => {
    expect(sourceFiles().filter((f) => LEGACY.some((l) => f.startsWith(l)))).toEqual([])
  })
})
