/**
 * `npm run backup`: a dated dump into GONGJIAN_BACKUP_DIR (default ./data/backups).
 * Postgres: pg_dump, any time. PGlite: only while the bot is stopped (one process per folder);
 * while it runs, the nightly job (GONGJIAN_BACKUP_CRON) backs up from inside it.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConfigError, loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/client.js'
import { DataDirBusyError, dataDirHolder } from '../src/db/dataDirLock.js'
import { backupDatabase, BackupError, pruneBackups } from '../src/features/ops/index.js'

async function main(): Promise<number> {
  const config = loadConfig()
  const pgliteDir = resolve(join(config.dataDir, 'pglite'))
  if (!config.databaseUrl) {
    const holder = dataDirHolder(pgliteDir)
    if (holder !== undefined) {
      throw new BackupError(
        `机器人正在运行（进程 ${holder}），PGlite 只能由一个进程打开：它每晚自己备份（GONGJIAN_BACKUP_CRON）；要现在备份，请先停止机器人 / the bot is running (pid ${holder}): it backs up nightly by itself; stop it to back up now`,
      )
    }
    if (!existsSync(pgliteDir) || readdirSync(pgliteDir).length === 0) throw new BackupError(`没有可备份的数据：${pgliteDir} 不存在或为空 / nothing to back up`)
  }
  // Postgres: a small pool is plenty (pg_dump does the work); PGlite: opened (and locked) here
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 })
  try {
    const { file, bytes, ms } = await backupDatabase({ database, dir: config.backup.dir, now: new Date(), timeZone: config.timeZone })
    console.log(`已备份 / backed up: ${file} (${(bytes / 1024).toFixed(0)} KB, ${(ms / 1000).toFixed(1)} s)`)
    if (process.argv.includes('--prune')) {
      const gone = pruneBackups(config.backup.dir, config.backup.keep)
      if (gone.length) console.log(`已删除较早的备份 / removed older backups: ${gone.length}`)
    }
  } finally {
    await database.close()
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof ConfigError || err instanceof DataDirBusyError) {
      console.error(err.message)
      process.exit(1)
    }
    console.error(`备份失败：${(err as Error).message} / backup failed`)
    process.exit(1)
  },
)
