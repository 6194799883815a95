/** Runs in a worker thread: LEXIMIN probabilities and the 1000-panel lottery (seconds of CPU). */
import { parentPort, workerData } from 'node:worker_threads'
import { solveCouncil } from './sortitionRunner.js'

const result = await solveCouncil(workerData)
parentPort!.postMessage(result)
