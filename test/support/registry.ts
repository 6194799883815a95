import { defaultConfig } from '../../src/config.js'
import type { Database } from '../../src/db/client.js'
import { ensureCommunities } from '../../src/db/communities.js'
import { COMMANDS } from '../../src/features/index.js'
import type { CommandHandler } from '../../src/kit/context.js'
import { createRegistry, type Registry } from '../../src/kit/registry.js'
import { createLogger } from '../../src/log.js'
import { createPipeline } from '../../src/router/pipeline.js'

/** A registry of the real commands' words, whose handlers (open to everyone, anywhere) are these. */
export function registryOf(handlers: Record<string, CommandHandler>): Registry {
  return createRegistry(
    COMMANDS.filter((c) => handlers[c.name]).map((c) => ({ ...c, who: 'everyone', where: 'anywhere', divert: undefined, run: handlers[c.name]! })),
  )
}

/** The real pipeline on a test database, with these handlers and one community (居委工作群). */
export async function testPipeline(database: Database, p: { now: () => Date; handlers: Record<string, CommandHandler>; onEnqueued?: () => void }) {
  const communities = await ensureCommunities(database.db, { staffRoomTopics: ['居委工作群'], now: p.now() })
  return createPipeline({
    database,
    now: p.now,
    config: defaultConfig(),
    log: createLogger('silent'),
    loginAt: () => new Date(0),
    registry: registryOf(p.handlers),
    dialogs: {},
    onEnqueued: p.onEnqueued ?? (() => {}),
    communities: () => communities,
    loadImage: async () => {
      throw new Error('no pictures here')
    },
  })
}
