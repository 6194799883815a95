/** A clock tests move by hand. Starts on a weekday morning in Shanghai. */
export class FakeClock {
  t: number
  constructor(start = '2026-11-20T09:00:00+08:00') {
    this.t = new Date(start).getTime()
  }
  now = (): Date => new Date(this.t)
  advance(ms: number): void {
    this.t += ms
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime()
  }
}
