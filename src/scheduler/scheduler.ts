import { and, eq } from 'drizzle-orm'
import cron, { type ScheduledTask } from 'node-cron'
import type { Logger } from 'pino'
import type { Db } from '../db/client.js'
import { jobRuns } from '../db/schema.js'

export interface Job {
  name: string
  /** node-cron expression, in the configured time zone */
  cron: string
  run(p: { db: Db; now: Date; slot: Date }): Promise<unknown>
}

interface SchedulerDeps {
  db: Db
  now: () => Date
  timeZone: string
  log: Logger
  jobs: Job[]
  /** after a job ran (e.g. wake the outbox sender for what it enqueued) */
  onJobDone?: () => void
}

const MINUTE = 60_000
/** how far back runDue() looks for a missed slot (only the latest one runs) */
const CATCH_UP_MINUTES = 24 * 60

/**
 * node-cron only triggers. Each (job, slot) is claimed in job_runs first, so whichever process
 * (or runDue() call) gets there first runs it, exactly once.
 */
export function createScheduler(deps: SchedulerDeps) {
  const matchers = deps.jobs.map((job) => {
    // a task never started: only used to test dates against the pattern
    const task = cron.createTask(job.cron, () => {}, { timezone: deps.timeZone })
    return { job, task, match: (d: Date) => task.match(d) }
  })
  let live: ScheduledTask[] = []

  async function runSlot(job: Job, slot: Date): Promise<boolean> {
    const claimed = await deps.db
      .insert(jobRuns)
      .values({ job: job.name, slot, startedAt: deps.now() })
      .onConflictDoNothing()
      .returning({ job: jobRuns.job })
    if (!claimed.length) return false
    try {
      const result = await job.run({ db: deps.db, now: deps.now(), slot })
      await deps.db
        .update(jobRuns)
        .set({ finishedAt: deps.now(), result: (result ?? null) as object | null })
        .where(and(eq(jobRuns.job, job.name), eq(jobRuns.slot, slot)))
      // routine: thousands a day would bury what matters at info
      deps.log.debug({ job: job.name, slot, result }, 'job done')
      deps.onJobDone?.()
    } catch (err) {
      // give the slot back: the next trigger or runDue() tries again
      await deps.db.delete(jobRuns).where(and(eq(jobRuns.job, job.name), eq(jobRuns.slot, slot)))
      deps.log.error({ err, job: job.name, slot }, 'job failed')
    }
    return true
  }

  // remember how far each job was scanned: runDue() is called often
  const scanned = new Map<string, { upTo: number; latest?: number }>()

  function latestSlot(job: Job, match: (d: Date) => boolean, now: Date): Date | undefined {
    const end = Math.floor(now.getTime() / MINUTE) * MINUTE
    const horizon = end - CATCH_UP_MINUTES * MINUTE
    const seen = scanned.get(job.name)
    const resume = seen && seen.upTo <= end && seen.upTo >= horizon
    let latest = resume && seen.latest !== undefined && seen.latest > horizon ? seen.latest : undefined
    for (let t = end; t > (resume ? seen.upTo : horizon); t -= MINUTE) {
      if (match(new Date(t))) {
        latest = t
        break
      }
    }
    scanned.set(job.name, { upTo: end, latest })
    return latest === undefined ? undefined : new Date(latest)
  }

  return {
    /** Runs the latest due slot of every job that has not run yet; returns how many ran. */
    async runDue(): Promise<number> {
      let ran = 0
      for (const { job, match } of matchers) {
        const slot = latestSlot(job, match, deps.now())
        if (slot && (await runSlot(job, slot))) ran++
      }
      return ran
    },
    start(): void {
      live = deps.jobs.map((job) =>
        cron.schedule(
          job.cron,
          // the database may be away: the slot is simply tried again by the next trigger or runDue()
          (ctx) => runSlot(job, new Date(Math.floor(ctx.date.getTime() / MINUTE) * MINUTE)).catch((err) => void deps.log.error({ err, job: job.name }, 'job could not start')),
          { timezone: deps.timeZone, name: `gongjian:${job.name}`, noOverlap: true },
        ),
      )
    },
    async stop(): Promise<void> {
      await Promise.all(live.map((t) => t.destroy()))
      live = []
      await Promise.all(matchers.map((m) => m.task.destroy()))
    },
  }
}

export type Scheduler = ReturnType<typeof createScheduler>
