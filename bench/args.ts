/** A whole-number command-line option of a bench, checked: `--n 3000`. */
export function intArg(name: string, v: string | undefined, min: number): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${v}`)
  return n
}
