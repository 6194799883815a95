/** The few sentences of the database layer, for the operator (Chinese / English). */
export const dbText = {
  transactionTimedOut: 'transaction timed out / 事务超时',
  dataDirBusy: (dir: string, pid: number) => `数据目录 ${dir} 正被进程 ${pid} 使用（机器人在运行？）/ the data directory is in use by process ${pid}`,
}
