import { MockCommunity } from './mockCommunity.js'
import type { Config } from '../../src/config.js'
import type { Database } from '../../src/db/client.js'
import { FakeClock } from './clock.js'

/** A mock community on a fake clock. */
export class World extends MockCommunity {
  constructor(
    db: Database,
    readonly clock: FakeClock = new FakeClock(),
    config: Partial<Config> = {},
  ) {
    super(db, clock.now, config)
  }
}
