/**
 * The platform's send limits as a pure rule: given what was sent, when may the next message to
 * `chat` go out? (≈1/s per chat, a pause of several seconds when switching chats, N per minute.)
 */
export interface PacingRules {
  chatIntervalMs: number
  switchIntervalMs: number
  perMinute: number
}

export interface PacingState {
  lastAt?: number
  lastChat?: string
  lastByChat: Map<string, number>
  /** send times within the last minute, oldest first */
  window: number[]
}

export const newPacingState = (): PacingState => ({ lastByChat: new Map(), window: [] })

const MINUTE = 60_000

export function earliestSend(state: PacingState, chat: string, now: number, rules: PacingRules): number {
  let at = now
  const sameChat = state.lastByChat.get(chat)
  if (sameChat !== undefined) at = Math.max(at, sameChat + rules.chatIntervalMs)
  if (state.lastAt !== undefined) {
    const gap = state.lastChat === chat ? rules.chatIntervalMs : rules.switchIntervalMs
    at = Math.max(at, state.lastAt + gap)
  }
  if (rules.perMinute > 0) {
    const recent = state.window.filter((t) => t > at - MINUTE)
    if (recent.length >= rules.perMinute) {
      at = Math.max(at, recent[recent.length - rules.perMinute]! + MINUTE)
    }
  }
  return at
}

export function recordSend(state: PacingState, chat: string, at: number): void {
  state.lastAt = at
  state.lastChat = chat
  state.lastByChat.set(chat, at)
  state.window.push(at)
  while (state.window.length > 0 && state.window[0]! <= at - MINUTE) state.window.shift()
  // forget chats whose interval has long passed, so the map stays small
  if (state.lastByChat.size > 1000) {
    for (const [k, t] of state.lastByChat) if (t < at - MINUTE) state.lastByChat.delete(k)
  }
}

/**
 * The least time `sends` messages to as many different chats take under the limits, from the
 * first to the last: each waits for the switch pause and for the per-minute budget.
 */
export function leastSpanMs(sends: number, rules: PacingRules): number {
  if (sends <= 1) return 0
  const state = newPacingState()
  let at = 0
  for (let i = 0; i < sends; i++) {
    at = earliestSend(state, `c${i}`, at, rules)
    recordSend(state, `c${i}`, at)
  }
  return at
}
