/**
 * What a parser of people's words returns: the value, or why it could not read it — a reason code
 * with the values a sentence needs. The sentence itself is written by the feature's text.ts.
 */
export type Reason = { code: string }
export type Parsed<T, R extends Reason = Reason> = { ok: true; value: T } | { ok: false; reason: R }
