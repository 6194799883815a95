import { Worker } from 'node:worker_threads'
import { buildLottery, computeProbabilities, type Instance, type Lottery, type SelectionResult } from '../../domain/sortition/index.js'

export type Solved =
  | { feasible: false; reasons: string[] }
  | { feasible: true; selection: Omit<SelectionResult, 'distribution' | 'groups'>; lottery: Pick<Lottery, 'panels' | 'chances' | 'exact'> }

/** Probabilities, then the lottery over them; only what the council commands keep. */
export async function solveCouncil(instance: Instance): Promise<Solved> {
  const outcome = await computeProbabilities(instance)
  if (!outcome.feasible) return outcome
  const lottery = await buildLottery(instance, outcome)
  const { distribution: _d, groups: _g, ...selection } = outcome
  return { feasible: true, selection, lottery: { panels: lottery.panels, chances: lottery.chances, exact: lottery.exact } }
}

/**
 * solveCouncil in a worker thread, so the bot keeps answering during the seconds HiGHS takes.
 * The worker loads TypeScript through tsx's loader (works under tsx and under vitest); if the
 * worker cannot start, it runs here instead (blocking, but correct).
 */
export async function solveCouncilOffThread(instance: Instance): Promise<Solved & { via: 'worker' | 'inline' }> {
  try {
    return { ...(await inWorker(instance)), via: 'worker' }
  } catch {
    return { ...(await solveCouncil(instance)), via: 'inline' }
  }
}

function inWorker(instance: Instance): Promise<Solved> {
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = new URL('./sortitionWorker.ts', import.meta.url).href
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`
  return new Promise<Solved>((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: instance })
    let done = false
    worker.once('message', (m: Solved) => {
      done = true
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', (err) => {
      if (!done) reject(err)
    })
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`sortition worker exited with ${code}`))
    })
  })
}
