import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { earliestSend, newPacingState, recordSend, type PacingRules, type PacingState } from '../../src/domain/pacing.js'

const RULES: PacingRules = { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }
const T0 = 1_700_000_000_000

/** Sends right away whenever allowed; returns the send time. */
function send(state: PacingState, chat: string, now: number, rules = RULES): number {
  const at = earliestSend(state, chat, now, rules)
  recordSend(state, chat, at)
  return at
}

describe('earliestSend', () => {
  it('sends at once when nothing was sent yet', () => {
    expect(earliestSend(newPacingState(), 'a', T0, RULES)).toBe(T0)
  })

  it('spaces messages to the same chat by 1 s', () => {
    const s = newPacingState()
    send(s, 'a', T0)
    expect(earliestSend(s, 'a', T0, RULES)).toBe(T0 + 1000)
    expect(earliestSend(s, 'a', T0 + 400, RULES)).toBe(T0 + 1000)
    expect(earliestSend(s, 'a', T0 + 1000, RULES)).toBe(T0 + 1000)
    expect(earliestSend(s, 'a', T0 + 5000, RULES)).toBe(T0 + 5000)
  })

  it('waits 3 s when switching chats', () => {
    const s = newPacingState()
    send(s, 'a', T0)
    expect(earliestSend(s, 'b', T0, RULES)).toBe(T0 + 3000)
    expect(earliestSend(s, 'b', T0 + 2999, RULES)).toBe(T0 + 3000)
    expect(earliestSend(s, 'b', T0 + 3001, RULES)).toBe(T0 + 3001)
  })

  it('a → b → a: the switch pause counts from the last send, the chat interval from that chat', () => {
    const s = newPacingState()
    send(s, 'a', T0)
    const b = send(s, 'b', T0)
    expect(b).toBe(T0 + 3000)
    expect(earliestSend(s, 'a', b, RULES)).toBe(b + 3000)
  })

  it('keeps a long per-chat interval even after switching chats in between', () => {
    const rules = { chatIntervalMs: 10_000, switchIntervalMs: 1000, perMinute: 0 }
    const s = newPacingState()
    send(s, 'a', T0, rules)
    send(s, 'b', T0, rules) // T0 + 1000
    expect(earliestSend(s, 'a', T0 + 1000, rules)).toBe(T0 + 10_000)
  })

  it('the 41st message within a minute waits until the first leaves the window', () => {
    const rules = { chatIntervalMs: 1000, switchIntervalMs: 1000, perMinute: 40 }
    const s = newPacingState()
    const times: number[] = []
    for (let i = 0; i < 40; i++) times.push(send(s, i % 2 ? 'a' : 'b', T0, rules))
    expect(times[39]).toBe(T0 + 39_000)
    expect(earliestSend(s, 'c', T0 + 39_000, rules)).toBe(T0 + 60_000)
    expect(send(s, 'c', T0 + 39_000, rules)).toBe(T0 + 60_000)
    // the 42nd waits for the second to leave
    expect(earliestSend(s, 'd', T0 + 60_000, rules)).toBe(T0 + 61_000)
  })

  it('with the default rules 40 messages to one chat take 39 s, the 41st goes at 60 s', () => {
    const s = newPacingState()
    let at = T0
    for (let i = 0; i < 40; i++) at = send(s, 'a', T0)
    expect(at).toBe(T0 + 39_000)
    expect(send(s, 'a', T0)).toBe(T0 + 60_000)
  })

  it('zeros mean no waiting', () => {
    const zero = { chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0 }
    const s = newPacingState()
    for (let i = 0; i < 500; i++) expect(send(s, `c${i % 3}`, T0, zero)).toBe(T0)
  })

  it('never schedules before now', () => {
    const s = newPacingState()
    send(s, 'a', T0)
    expect(earliestSend(s, 'a', T0 + 3_600_000, RULES)).toBe(T0 + 3_600_000)
  })

  it('forgets sends older than a minute', () => {
    const s = newPacingState()
    for (let i = 0; i < 10; i++) send(s, 'a', T0 + i * 1000)
    send(s, 'a', T0 + 120_000)
    expect(s.window).toEqual([T0 + 120_000])
  })

  it('keeps the per-chat map small with many chats', () => {
    const s = newPacingState()
    const zero = { chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0 }
    for (let i = 0; i < 1200; i++) send(s, `c${i}`, T0 + i * 100, zero)
    expect(s.lastByChat.size).toBeLessThanOrEqual(1001)
  })
})

describe('pacing properties', () => {
  const rulesArb = fc.record({
    chatIntervalMs: fc.integer({ min: 0, max: 5000 }),
    switchIntervalMs: fc.integer({ min: 0, max: 8000 }),
    perMinute: fc.integer({ min: 0, max: 50 }),
  })
  const scheduleArb = fc.array(fc.record({ chat: fc.constantFrom('a', 'b', 'c', 'd', 'e'), gapMs: fc.nat({ max: 4000 }) }), {
    minLength: 1,
    maxLength: 150,
  })

  it('a simulated schedule always respects all three rules, and never waits longer than needed', () => {
    fc.assert(
      fc.property(rulesArb, scheduleArb, (rules, schedule) => {
        const s = newPacingState()
        const sent: { chat: string; at: number }[] = []
        let now = T0
        // a request is allowed at t when it breaks no rule against what was sent before
        const allowed = (chat: string, t: number) =>
          sent.every((p) => t - p.at >= (p.chat === chat ? rules.chatIntervalMs : 0)) &&
          (sent.length === 0 || t - sent.at(-1)!.at >= (sent.at(-1)!.chat === chat ? rules.chatIntervalMs : rules.switchIntervalMs)) &&
          (rules.perMinute === 0 || sent.filter((p) => p.at > t - 60_000).length < rules.perMinute)
        for (const { chat, gapMs } of schedule) {
          now += gapMs
          const at = earliestSend(s, chat, now, rules)
          expect(at).toBeGreaterThanOrEqual(now)
          expect(allowed(chat, at)).toBe(true)
          if (at > now) expect(allowed(chat, at - 1)).toBe(false) // minimal
          recordSend(s, chat, at)
          sent.push({ chat, at })
          now = at // the sender is sequential
        }
        // checked again over the whole schedule
        for (let i = 1; i < sent.length; i++) {
          const gap = sent[i]!.at - sent[i - 1]!.at
          expect(gap).toBeGreaterThanOrEqual(sent[i]!.chat === sent[i - 1]!.chat ? rules.chatIntervalMs : rules.switchIntervalMs)
        }
        if (rules.perMinute > 0) {
          for (let i = rules.perMinute; i < sent.length; i++) {
            expect(sent[i]!.at - sent[i - rules.perMinute]!.at).toBeGreaterThanOrEqual(60_000)
          }
        }
      }),
      { numRuns: 200 },
    )
  })
})
