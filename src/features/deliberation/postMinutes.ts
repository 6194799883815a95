import { addQuestionNote } from '../../db/deliberation.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { PHOTO_WINDOW_MS } from '../../kit/photoWindow.js'
import { postToQuestionGroups } from './groups.js'
import { minutesPhotosDialog } from './minutesPhotos.js'
import { questionFrom } from './questionFrom.js'
import { deliberationText as t } from './text.js'
import { written } from './written.js'

/** 议题纪要 Q1 … — the roundtable's notes go to the question's groups; photos sent next follow them. */
export async function postMinutes(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  if (!/Q\s*\d/i.test(args)) throw new AppError('BAD_INPUT', t.minutesUsage)
  const { question, rest } = await questionFrom(ctx, args, community.id, t.minutesUsage)
  const body = written(ctx, rest)
  if (!body) throw new AppError('BAD_INPUT', t.minutesUsage)
  const noteId = await addQuestionNote(ctx.db, { communityId: community.id, questionId: question.id, body, byPerson: ctx.person.id, now: ctx.now })
  const roomIds = await postToQuestionGroups(ctx.db, { question, key: `question-minutes:${noteId}`, body: t.minutes({ id: question.id, title: question.title, body }), now: ctx.now })
  await minutesPhotosDialog.start(
    ctx,
    'photos',
    { noteId, questionId: question.id, communityId: community.id, roomIds, photos: 0 },
    t.minutesPosted({ id: question.id, groups: roomIds.length, minutes: PHOTO_WINDOW_MS / 60_000 }),
  )
}
