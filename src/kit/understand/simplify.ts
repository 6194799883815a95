import { Converter } from 'opencc-js/t2cn'

/** Traditional → Simplified (mainland); Simplified text passes through unchanged. */
export type Simplify = (text: string) => string

/** OpenCC's t→cn tables (characters and phrases), built once per registry (about 10 ms). */
export function createSimplifier(): Simplify {
  let convert: ((s: string) => string) | undefined
  return (text) => {
    const s = String(text ?? '')
    // plain ASCII has nothing to convert
    if (!/[\u0080-\uffff]/.test(s)) return s
    const run = (convert ??= Converter({ from: 't', to: 'cn' }))
    return run(s)
  }
}

/**
 * A fragment of the Simplified text given back in the person's own characters: what they wrote is
 * what is stored and shown. Only characters the message itself had in Traditional are put back
 * (the two texts are compared code point by code point); when the conversion changed the length, or
 * one Simplified character came from two different ones, that character stays Simplified.
 */
export function asWritten(p: { written: string; simplified: string }, fragment: string): string {
  const w = [...p.written]
  const s = [...p.simplified]
  if (w.length !== s.length || p.written === p.simplified) return fragment
  const back = new Map<string, string | null>()
  for (let i = 0; i < s.length; i++) {
    if (w[i] === s[i]) continue
    const seen = back.get(s[i]!)
    back.set(s[i]!, seen === undefined || seen === w[i] ? w[i]! : null)
  }
  return [...fragment].map((c) => back.get(c) ?? c).join('')
}
