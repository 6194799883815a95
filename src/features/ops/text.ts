/** What backups and restores tell the operator when they cannot go ahead (Chinese / English). */
export const backupText = {
  noClient: (program: string) =>
    `找不到 ${program}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client，版本不低于数据库服务器）/ ${program} not found: install the PostgreSQL client tools`,
  clientFailed: (program: string, code: number | null, why: string) => `${program} 失败（退出码 ${code}）：${why} / ${program} failed`,
  noUrl: '没有数据库地址，无法备份 / no database URL to back up',
  noFile: (file: string) => `找不到备份文件 ${file} / backup file not found`,
  pgliteIntoPostgres: (name: string) => `${name} 是 PGlite 的备份，不能恢复到 Postgres（去掉 DATABASE_URL 再恢复）/ a PGlite backup cannot be restored into Postgres`,
  postgresIntoPglite: (name: string) => `${name} 是 Postgres 的备份：请设置 DATABASE_URL 再恢复 / a Postgres backup: set DATABASE_URL to restore it`,
  databaseInUse: '机器人正在使用这个数据库：请先停止机器人再恢复（确有必要可加 --force）/ a bot is using this database: stop it first (or add --force)',
  botRunning: (pid: number) => `机器人正在运行（进程 ${pid}）：请先停止它再恢复 / the bot is running (pid ${pid}): stop it before restoring`,
  dataDirNotEmpty: (dir: string) =>
    `数据目录 ${dir} 里已有数据：加 --force 恢复（现有数据会先移到旁边保留）/ the data directory is not empty: add --force (the current data is moved aside, not deleted)`,
  notABackup: (name: string, why: string) => `${name} 不是可用的 PGlite 备份（${why}），原数据未动 / not a usable PGlite backup; the data was left as it was`,
}
