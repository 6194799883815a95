import { currentCampaign, type Campaign } from '../../db/campaigns.js'
import type { Db } from '../../db/client.js'
import { campaignProjects, reportBallots, reportBuildings, reportHouseholds, reportRounds, suggesterHouseholds } from '../../db/report.js'
import { closingReport, type ClosingReport } from '../../domain/report/closing.js'

/**
 * The closing report's numbers for the community's current campaign (all of its records when no
 * campaign was ever started): registration is as it stands now, the rest is the campaign's.
 */
export async function closingFigures(db: Db, p: { communityId: number }): Promise<{ campaign: Campaign | null; report: ClosingReport }> {
  const campaign = (await currentCampaign(db, p)) ?? null
  const q = { communityId: p.communityId, ...(campaign ? { campaignId: campaign.id } : {}) }
  const rounds = await reportRounds(db, q)
  const report = closingReport({
    buildings: await reportBuildings(db, q),
    households: await reportHouseholds(db, q),
    suggesters: await suggesterHouseholds(db, q),
    rounds,
    ballots: await reportBallots(db, q),
    projects: (await campaignProjects(db, q)).map((x) => ({ ...x, firstSuggestedAt: x.firstSuggestedAt === null ? null : new Date(x.firstSuggestedAt) })),
  })
  return { campaign, report }
}
