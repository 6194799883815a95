import { COMMANDS } from '../../src/features/index.js'
import type { CommandHandler } from '../../src/kit/context.js'
import { createRegistry, type Registry } from '../../src/kit/registry.js'

/** A registry of the real commands' words, whose handlers (open to everyone, anywhere) are these. */
export function registryOf(handlers: Record<string, CommandHandler>): Registry {
  return createRegistry(
    COMMANDS.filter((c) => handlers[c.name]).map((c) => ({ ...c, who: 'everyone', where: 'anywhere', divert: undefined, run: handlers[c.name]! })),
  )
}
