import { currentCampaign } from '../../db/campaigns.js'
import type { Db } from '../../db/client.js'
import { findBuilding } from '../../db/communities.js'
import { addSupport, createSuggestion, duplicateCandidates, getSuggestion, type Suggestion } from '../../db/suggestions.js'
import type { Category } from '../../domain/suggestions/lexicon.js'
import { featuresOf, findDuplicates } from '../../domain/suggestions/similarity.js'

/** the longest problem kept, in characters */
export const MAX_PROBLEM = 500

/** What the intake collected, ready to be recorded. */
export interface SuggestionDraft {
  problem: string
  building: number | null
  place: string | null
  placeKind: string | null
  category: Category
  fileIds: number[]
  proxyFor?: string | null
  /** said as a voice message: `problem` is a placeholder until 代听 */
  voiceFileId?: number | null
  latitude?: number | null
  longitude?: number | null
}

/** The closest open suggestion that may be the same thing (a hint the person confirms). */
export async function likelyDuplicate(db: Db, p: { communityId: number; draft: SuggestionDraft }): Promise<Suggestion | undefined> {
  const building = p.draft.building !== null ? await findBuilding(db, { communityId: p.communityId, number: p.draft.building }) : undefined
  const candidates = await duplicateCandidates(db, {
    communityId: p.communityId,
    buildingId: building?.id ?? null,
    placeKind: p.draft.placeKind,
    category: p.draft.category,
  })
  const [best] = findDuplicates(
    { text: p.draft.problem, building: p.draft.building, place: p.draft.place, placeKind: p.draft.placeKind, category: p.draft.category },
    // the query already kept only this building's (or this kind of place's) suggestions
    candidates.map((c) => ({ id: c.id, text: c.problem, features: c.features, building: p.draft.building, place: c.place, placeKind: c.placeKind, category: c.category as Category })),
    { limit: 1 },
  )
  return best ? getSuggestion(db, { id: best.id, communityId: p.communityId }) : undefined
}

/** Records a new suggestion (J-id) in the community's current campaign. */
export async function recordSuggestion(
  db: Db,
  p: { communityId: number; personId: number | null; proxiedBy: number | null; roomId: number | null; draft: SuggestionDraft; now: Date },
): Promise<Suggestion> {
  const { draft } = p
  const building = draft.building !== null ? await findBuilding(db, { communityId: p.communityId, number: draft.building }) : undefined
  const campaign = await currentCampaign(db, { communityId: p.communityId })
  return createSuggestion(db, {
    communityId: p.communityId,
    campaignId: campaign?.id ?? null,
    personId: p.personId,
    proxiedBy: p.proxiedBy,
    proxyFor: draft.proxyFor ?? null,
    roomId: p.roomId,
    buildingId: building?.id ?? null,
    place: draft.place,
    placeKind: draft.placeKind,
    category: draft.category,
    problem: draft.problem,
    // a voice message's placeholder is nothing to compare: its words come with 代听
    features: draft.voiceFileId ? [] : featuresOf(draft.problem),
    fileIds: draft.fileIds,
    voiceFileId: draft.voiceFileId ?? null,
    latitude: draft.latitude ?? null,
    longitude: draft.longitude ?? null,
    status: 'open',
    createdAt: p.now,
    updatedAt: p.now,
  })
}

/** "是同一件事": a +1 on an existing suggestion, keeping this person's words and photos. */
export async function supportSuggestion(
  db: Db,
  p: { communityId: number; suggestionId: number; personId: number | null; proxiedBy: number | null; draft: SuggestionDraft; now: Date },
): Promise<void> {
  await addSupport(db, {
    communityId: p.communityId,
    suggestionId: p.suggestionId,
    personId: p.personId,
    proxiedBy: p.proxiedBy,
    proxyFor: p.draft.proxyFor ?? null,
    words: p.draft.problem,
    fileIds: p.draft.fileIds,
    createdAt: p.now,
  })
}
