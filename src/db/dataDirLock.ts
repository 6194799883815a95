import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { dbText } from './text.js'

/** PGlite's folder is in use by a live process: two processes on one folder corrupt it. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError'
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(dbText.dataDirBusy(dir, pid))
  }
}

const lockFile = (dir: string) => `${dir.replace(/\/+$/, '')}.lock`

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, it is someone else's
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The live process holding `dir`, if any (a lock left by a killed process does not count). */
export function dataDirHolder(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile(dir), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes `<dir>.lock` (our pid in it) or throws DataDirBusyError. A lock whose process is gone
 * (SIGKILL, power cut) is taken over.
 */
export function lockDataDir(dir: string): { release(): void } {
  const file = lockFile(dir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return {
        release: () => {
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file)
          } catch {
            // already gone
          }
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = dataDirHolder(dir)
      if (holder !== undefined) throw new DataDirBusyError(dir, holder)
      unlinkSync(file)
    }
  }
  throw new DataDirBusyError(dir, Number.NaN)
}
