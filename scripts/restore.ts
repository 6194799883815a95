/**
 * `npm run restore -- FILE [--force]`: brings a backup back.
 * Postgres (DATABASE_URL set): pg_restore --clean --if-exists, refused while a bot is using the
 * database unless --force. PGlite: into <data dir>/pglite, refused while the bot runs; a folder
 * with data in it only with --force, and then it is moved aside, not deleted.
 */
import { join, resolve } from 'node:path'
import { ConfigError, loadConfig } from '../src/config.js'
import { BackupError, restorePglite, restorePostgres } from '../src/features/ops/index.js'

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const file = args.find((a) => !a.startsWith('--'))
  if (!file) {
    console.error('用法 / usage: npm run restore -- 备份文件 [--force]')
    return 2
  }
  const config = loadConfig()
  if (config.databaseUrl) {
    const { ms } = await restorePostgres({ url: config.databaseUrl, file, force })
    console.log(`已恢复到 Postgres ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname} / restored (${(ms / 1000).toFixed(1)} s)`)
    return 0
  }
  const dataDir = resolve(join(config.dataDir, 'pglite'))
  const { ms, keptAside } = await restorePglite({ dataDir, file, force, now: new Date(), timeZone: config.timeZone })
  console.log(`已恢复到 ${dataDir} / restored (${(ms / 1000).toFixed(1)} s)`)
  if (keptAside) console.log(`原来的数据保留在 / the previous data is kept in: ${keptAside}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof ConfigError) {
      console.error(err.message)
      process.exit(1)
    }
    console.error(`恢复失败：${(err as Error).message} / restore failed`)
    process.exit(1)
  },
)
