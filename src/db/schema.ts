import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** One neighbourhood (社区): the tenant key of every campaign table. */
export const communities = pgTable('communities', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /**
   * The configured topic of the committee's staff group (GONGJIAN_STAFF_ROOM): the first group
   * with exactly this topic becomes the staff group while the community has none. After that
   * the staff group is the one room of kind 'staff'; a topic never makes another one.
   */
  staffRoomTopic: text('staff_room_topic').notNull(),
  /** sha256 of the one-time code printed to the operator while no staff group is bound */
  bindCodeHash: text('bind_code_hash'),
  /** wrong codes tried since the code was printed: too many void it */
  bindCodeMisses: integer('bind_code_misses').notNull().default(0),
  /** 换工作群: the room asked to become the staff group, by whom, when (confirmed in the old one) */
  staffMoveRoomId: integer('staff_move_room_id'),
  staffMoveBy: integer('staff_move_by'),
  staffMoveAt: ts('staff_move_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('communities_staff_room_topic_uq').on(t.staffRoomTopic)])

/**
 * A bot account (a WeChat login) of the deployment. Each process logs in one (GONGJIAN_ACCOUNT);
 * the groups and contacts it sees, and the messages it must send, carry its name.
 */
export const botAccounts = pgTable('bot_accounts', {
  name: text('name').primaryKey(),
  /** the account's own WeChat name at its last login (shown by 状态) */
  selfName: text('self_name'),
  loggedInAt: ts('logged_in_at'),
  createdAt: ts('created_at').notNull(),
})

/** Deployment-wide values made once (e.g. the salt of household keys). */
export const appSettings = pgTable('app_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
})

export const buildings = pgTable('buildings', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  /** 3 for 3号楼 */
  number: integer('number').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('buildings_community_number_uq').on(t.communityId, t.number)])

/**
 * A WeChat group. `id` is lasting; `puppetId` is the volatile id of the current login
 * (web protocols change it on every re-login) and is refreshed by topic.
 */
export const rooms = pgTable('rooms', {
  id: serial('id').primaryKey(),
  /** the bot account in the group: its login's ids map the row, its process answers and sends there */
  account: text('account').notNull().references(() => botAccounts.name),
  communityId: integer('community_id').references(() => communities.id),
  /** 'staff' | 'building' | 'council' | 'street' (the street's 推进办, no community) | 'other' */
  kind: text('kind').notNull().default('other'),
  buildingId: integer('building_id').references(() => buildings.id),
  topic: text('topic').notNull(),
  puppetId: text('puppet_id'),
  puppetSeenAt: ts('puppet_seen_at'),
  /** false once the bot has left the group */
  present: boolean('present').notNull().default(true),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('rooms_account_puppet_id_uq').on(t.account, t.puppetId),
  index('rooms_topic_idx').on(t.topic),
  // a community has one staff group: bound deliberately, never by a topic alone
  uniqueIndex('rooms_one_staff_uq').on(t.communityId).where(sql`kind = 'staff'`),
  // one street group (街道推进办) per deployment, bound like the staff group
  uniqueIndex('rooms_one_street_uq').on(t.kind).where(sql`kind = 'street'`),
])

export const households = pgTable('households', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  buildingId: integer('building_id').notNull().references(() => buildings.id),
  /** normalised: '502' or '2单元502' */
  unit: text('unit').notNull(),
  /**
   * The lasting key of the door: salted sha256 of building + unit. Ballots count per key, so a
   * household erased and registered again is still the same household (and the door itself
   * is not kept in the ballot).
   */
  key: text('key').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('households_building_unit_uq').on(t.buildingId, t.unit), uniqueIndex('households_key_uq').on(t.key)])

/** A person the bot has met. Lasting id; the WeChat contact id is a refreshable mapping. */
export const people = pgTable('people', {
  id: serial('id').primaryKey(),
  /** the bot account that met them: contact ids are per login, so is the record that maps them */
  account: text('account').notNull().references(() => botAccounts.name),
  name: text('name').notNull(),
  puppetId: text('puppet_id'),
  puppetSeenAt: ts('puppet_seen_at'),
  householdId: integer('household_id').references(() => households.id, { onDelete: 'set null' }),
  householdConfirmedAt: ts('household_confirmed_at'),
  householdConfirmedBy: integer('household_confirmed_by'),
  /**
   * Set when, after a re-login, two contacts matched this person equally well: neither got the
   * record, and it is never handed to anyone by name again (re-registration starts anew).
   */
  identityHeldAt: ts('identity_held_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('people_account_puppet_id_uq').on(t.account, t.puppetId),
  index('people_household_idx').on(t.householdId),
])

/** Who is in which group, under which group nickname: how people are recognised after re-login. */
export const roomMembers = pgTable('room_members', {
  roomId: integer('room_id').notNull().references(() => rooms.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  nickname: text('nickname').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  uniqueIndex('room_members_pk').on(t.roomId, t.personId),
  index('room_members_nick_idx').on(t.roomId, t.nickname),
  index('room_members_person_idx').on(t.personId),
])

/** Roles given by staff. Staff themselves are the members of the staff group. */
export const roles = pgTable('roles', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** 'building_head' (buildingId) | 'council' | 'liaison' (partnerId: a department's contact) */
  role: text('role').notNull(),
  buildingId: integer('building_id').references(() => buildings.id),
  partnerId: integer('partner_id'),
  grantedBy: integer('granted_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('roles_uq').on(t.personId, t.role, t.buildingId),
  index('roles_building_idx').on(t.buildingId, t.role),
])

/** Every inbound message, once (dedupe on the puppet's message id). */
export const inboundMessages = pgTable('inbound_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  messageId: text('message_id').notNull(),
  roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  /** 'text' | 'image' | 'other' */
  type: text('type').notNull(),
  text: text('text'),
  sentAt: ts('sent_at').notNull(),
  receivedAt: ts('received_at').notNull(),
  /** 'handled' | 'ignored' | 'stale' | 'failed' */
  status: text('status').notNull(),
  command: text('command'),
  error: text('error'),
}, (t) => [
  uniqueIndex('inbound_messages_message_id_uq').on(t.messageId),
  index('inbound_messages_received_idx').on(t.receivedAt),
])

/**
 * Every message the bot sends, written in the transaction of the change that caused it.
 * Target: a lasting room or person, resolved to the current puppet id at send time;
 * `puppetTo` is the id at enqueue time, used only if the lasting row is gone.
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** the bot account that must send it (the one in the group, or that knows the person) */
  account: text('account').notNull().references(() => botAccounts.name),
  communityId: integer('community_id').references(() => communities.id),
  roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  puppetTo: text('puppet_to'),
  /** 'text' | 'announce' (a group announcement, else sent as text) | 'file' (fileId; body = caption for logs) */
  kind: text('kind').notNull().default('text'),
  body: text('body').notNull(),
  fileId: integer('file_id').references(() => files.id),
  /** people to @-mention in a group (really, through the puppet): their names go in front of the body */
  mentions: jsonb('mentions').$type<number[]>(),
  /**
   * An acknowledgement in a group ('ballot:12'): those of one kind still waiting in one group go
   * out as one message — `coalesceBody`, @-mentioning all of them.
   */
  coalesceKey: text('coalesce_key'),
  coalesceBody: text('coalesce_body'),
  /** What caused it (e.g. 'reply:<inbound id>:0'): a second enqueue of the same key is a no-op. */
  idempotencyKey: text('idempotency_key').notNull(),
  notBefore: ts('not_before').notNull(),
  /** 0: a reply someone waits for; 1: background (broadcasts, reminders) — replies jump the queue */
  priority: integer('priority').notNull().default(0),
  /** 'pending' | 'sending' | 'sent' | 'failed' */
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  leaseUntil: ts('lease_until'),
  lastError: text('last_error'),
  sentAt: ts('sent_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('outbox_idempotency_key_uq').on(t.idempotencyKey),
  index('outbox_due_idx').on(t.account, t.status, t.priority, t.notBefore).where(sql`status in ('pending', 'sending')`),
  index('outbox_coalesce_idx').on(t.roomId, t.coalesceKey, t.id).where(sql`status = 'pending' and coalesce_key is not null`),
])

/** A person's open multi-step dialog in one chat (serialisable, versioned, with a timeout). */
export const conversations = pgTable('conversations', {
  id: serial('id').primaryKey(),
  /** 'room:<id>' or 'private' */
  chatKey: text('chat_key').notNull(),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  step: text('step').notNull(),
  state: jsonb('state').notNull().$type<Record<string, unknown>>(),
  expiresAt: ts('expires_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('conversations_chat_person_uq').on(t.chatKey, t.personId)])

/** Exactly one process runs each (job, slot): the scheduler's coordinator. */
export const jobRuns = pgTable('job_runs', {
  job: text('job').notNull(),
  slot: ts('slot').notNull(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  result: jsonb('result'),
}, (t) => [uniqueIndex('job_runs_pk').on(t.job, t.slot)])

/**
 * Who sends for a bot account (one row per account): only the holder of an unexpired lease drains
 * the outbox, so two processes of one account never break the send limits. A holder renews it as
 * it sends; when it dies, another takes over once the lease has run out.
 */
export const senderLeases = pgTable('sender_leases', {
  account: text('account').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ts('expires_at').notNull(),
})

/** Anonymous counts kept when a person erases their data. */
export const erasures = pgTable('erasures', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id'),
  hadHousehold: boolean('had_household').notNull(),
  erasedAt: ts('erased_at').notNull(),
})

/** One row per run of the bot: how long it was away is told to the staff on return. */
export const botSessions = pgTable('bot_sessions', {
  id: serial('id').primaryKey(),
  /** the account this run logged in as: its return is told to its own groups */
  account: text('account').notNull().references(() => botAccounts.name),
  startedAt: ts('started_at').notNull(),
  lastBeatAt: ts('last_beat_at').notNull(),
  stoppedAt: ts('stopped_at'),
})

/** 一期微更新: notices, suggestions and rounds belong to the community's current campaign. */
export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  /** 'active' | 'closed' — the newest active one is current */
  status: text('status').notNull().default('active'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('campaigns_community_idx').on(t.communityId, t.status)])

/**
 * Pictures and documents kept once (photos of suggestions, reports and progress, notices' pictures,
 * posters, exports, recordings) and referenced by every outbox row that sends them. Each belongs
 * to the community whose record or dialog made it: photos of homes are that community's data.
 */
export const files = pgTable('files', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  mediaType: text('media_type').notNull(),
  base64: text('base64').notNull(),
  createdAt: ts('created_at').notNull(),
})

/** An open letter (公开信) or notice (通知): G-id = id. */
export const notices = pgTable('notices', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  /** 'letter' | 'notice' */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  fileId: integer('file_id').references(() => files.id),
  /** null: every building */
  buildingNumbers: jsonb('building_numbers').$type<number[] | null>(),
  sendAt: ts('send_at').notNull(),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('notices_community_idx').on(t.communityId, t.createdAt)])

/** Per building reached by a notice: did its head confirm forwarding, was the head reminded. */
export const noticeBuildings = pgTable('notice_buildings', {
  noticeId: integer('notice_id').notNull().references(() => notices.id, { onDelete: 'cascade' }),
  buildingId: integer('building_id').notNull().references(() => buildings.id),
  communityId: integer('community_id').notNull().references(() => communities.id),
  groups: integer('groups').notNull(),
  confirmedAt: ts('confirmed_at'),
  confirmedBy: integer('confirmed_by'),
  remindedAt: ts('reminded_at'),
}, (t) => [
  uniqueIndex('notice_buildings_pk').on(t.noticeId, t.buildingId),
  index('notice_buildings_open_idx').on(t.confirmedAt, t.remindedAt),
])

/** 群众下单: a resident's suggestion, J-id = id. */
export const suggestions = pgTable('suggestions', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  /** who suggested (null once they erased their data) */
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  /** a building head who typed it in for a neighbour (代提) */
  proxiedBy: integer('proxied_by').references(() => people.id, { onDelete: 'set null' }),
  /** the neighbour it was typed in for: "王奶奶 3号楼 502" */
  proxyFor: text('proxy_for'),
  roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  buildingId: integer('building_id').references(() => buildings.id),
  place: text('place'),
  placeKind: text('place_kind'),
  category: text('category').notNull(),
  problem: text('problem').notNull(),
  /** jieba tokens + bigrams, kept for the duplicate check */
  features: jsonb('features').$type<string[]>().notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  /** said as a voice message (语音): the recording; `problem` is a placeholder until 代听 */
  voiceFileId: integer('voice_file_id').references(() => files.id, { onDelete: 'set null' }),
  /** who typed in what the voice message says (代听), and when */
  heardBy: integer('heard_by').references(() => people.id, { onDelete: 'set null' }),
  heardAt: ts('heard_at'),
  /** a location pin's coordinates (near a home: personal data, blanked by erasure) */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** 'open' | 'withdrawn' | 'merged' (into projectId) */
  status: text('status').notNull().default('open'),
  projectId: integer('project_id').references(() => projects.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('suggestions_bucket_idx').on(t.communityId, t.buildingId, t.category),
  index('suggestions_person_idx').on(t.personId),
  index('suggestions_created_idx').on(t.communityId, t.createdAt),
])

/** "是同一件事": a +1 on an existing suggestion, in the person's own words. */
export const suggestionSupports = pgTable('suggestion_supports', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  suggestionId: integer('suggestion_id').notNull().references(() => suggestions.id, { onDelete: 'cascade' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  proxiedBy: integer('proxied_by').references(() => people.id, { onDelete: 'set null' }),
  proxyFor: text('proxy_for'),
  words: text('words').notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('suggestion_supports_suggestion_idx').on(t.suggestionId)])

/** Unfinished intake kept when a dialog times out (the person can pick it up again). */
export const drafts = pgTable('drafts', {
  id: serial('id').primaryKey(),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  chatKey: text('chat_key').notNull(),
  step: text('step').notNull(),
  version: integer('version').notNull(),
  state: jsonb('state').notNull().$type<Record<string, unknown>>(),
  savedAt: ts('saved_at').notNull(),
}, (t) => [uniqueIndex('drafts_person_name_uq').on(t.personId, t.name)])

/** Per community, "since when" marks: what 建议列表 and the digest last showed. */
export const cursors = pgTable('cursors', {
  communityId: integer('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  at: ts('at').notNull(),
}, (t) => [uniqueIndex('cursors_pk').on(t.communityId, t.name)])

/**
 * A council pool and its lottery (议事会抽签): 'open' (sign-ups) → 'frozen' (截止) → 'published'
 * (commitment posted) → 'drawn'. Candidates belong to one pool.
 */
export const councilDraws = pgTable('council_draws', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  /** 'open' | 'frozen' | 'published' | 'drawn' */
  status: text('status').notNull().default('open'),
  seats: integer('seats'),
  quotas: jsonb('quotas').$type<{ feature: string; value: string; min: number; max: number }[]>(),
  /** what the quotas read as, for the announcement: 「每栋至少1席，女性至少15席」 */
  quotaText: text('quota_text'),
  /** the frozen instance and its probabilities + 1000-panel lottery (computed off the event loop) */
  computed: jsonb('computed').$type<Record<string, unknown>>(),
  /** bumped on every 议事会: a stale computation does not overwrite a newer one */
  computeToken: integer('compute_token').notNull().default(0),
  /** the commitment once published, the draw file once drawn (verify-draw reads it) */
  file: jsonb('file').$type<Record<string, unknown>>(),
  publicSource: text('public_source'),
  publicNumber: text('public_number'),
  createdAt: ts('created_at').notNull(),
  drawnAt: ts('drawn_at'),
}, (t) => [index('council_draws_community_idx').on(t.communityId, t.id)])

/** A volunteer (报名) or a recommended neighbour (推荐) for the council. */
export const councilCandidates = pgTable('council_candidates', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  drawId: integer('draw_id').notNull().references(() => councilDraws.id, { onDelete: 'cascade' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  /** 称呼 as they want it published */
  name: text('name').notNull(),
  building: integer('building').notNull(),
  /** '18-39岁' | '40-59岁' | '60岁以上'; null = skipped */
  ageBand: text('age_band'),
  /** '男' | '女'; null = skipped */
  gender: text('gender'),
  /** '业主' | '租户'; null = skipped */
  tenure: text('tenure'),
  /** 'self' | 'recommended' */
  source: text('source').notNull(),
  recommendedBy: integer('recommended_by').references(() => people.id, { onDelete: 'set null' }),
  /** 'pending' (recommended, not answered) | 'accepted' | 'declined' | 'withdrawn' */
  status: text('status').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  uniqueIndex('council_candidates_draw_person_uq').on(t.drawId, t.personId),
  index('council_candidates_draw_idx').on(t.drawId, t.status),
])

/** 项目汇总库: a pool project (P-id = id) that suggestions are merged into. */
export const projects = pgTable('projects', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  name: text('name').notNull(),
  /** 'pool' → 'assigned' (派单) → 'accepting' (完成: residents rate) → 'accepted' (结单) | 'rework' | 'unrated' */
  stage: text('stage').notNull().default('pool'),
  percent: integer('percent').notNull().default(0),
  /** the last assignment, progress or acceptance change (the weekly digest shows what changed) */
  changedAt: ts('changed_at'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('projects_community_idx').on(t.communityId)])

/** Every change to the pool, kept and reversible (撤销 undoes the latest). */
export const poolEvents = pgTable('pool_events', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  projectId: integer('project_id').notNull().references(() => projects.id),
  /** 'create' | 'add' | 'remove' | 'rename' */
  kind: text('kind').notNull(),
  suggestionIds: jsonb('suggestion_ids').$type<number[]>().notNull(),
  oldName: text('old_name'),
  newName: text('new_name'),
  byPerson: integer('by_person'),
  at: ts('at').notNull(),
  undoneAt: ts('undone_at'),
}, (t) => [index('pool_events_community_idx').on(t.communityId, t.id)])

/** A round (T-id = id): residents' dot voting (later: council scoring, resolution votes). */
export const rounds = pgTable('rounds', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  /** 'resident' (dot voting) | 'council' (scores) | 'resolution' (yes/no on a ranked plan) | 'acceptance' (1–5 ratings of a finished project) */
  kind: text('kind').notNull(),
  /** a resolution: the round whose ranking is voted on, and the share of yes needed (percent) */
  refRoundId: integer('ref_round_id'),
  passPercent: integer('pass_percent'),
  /** a resolution's pass line, exact (2/3 stays 2/3): yes must be above it, of those who voted */
  passShare: jsonb('pass_share').$type<{ num: number; den: number }>(),
  /** a resolution's quorum: the share of its electorate that must take part (null: none) */
  quorumShare: jsonb('quorum_share').$type<{ num: number; den: number }>(),
  /** an acceptance round: the lowest average rating that passes */
  minRating: real('min_rating'),
  /** the buildings whose groups hear of it (null: every building) */
  buildingIds: jsonb('building_ids').$type<number[]>(),
  projectIds: jsonb('project_ids').$type<number[]>().notNull(),
  dots: integer('dots').notNull(),
  /** 'household' | 'person' | 'representative' (居民代表, one ballot each): whose ballot counts once */
  per: text('per').notNull(),
  /** published at opening: decides ties that nothing else decides */
  seed: text('seed').notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  /** 'open' | 'closed' */
  status: text('status').notNull().default('open'),
  closedAt: ts('closed_at'),
  remindedAt: ts('reminded_at'),
  createdBy: integer('created_by'),
}, (t) => [index('rounds_open_idx').on(t.status, t.closesAt)])

/** One ballot per voter (household or person) per round; re-voting replaces it. */
export const ballots = pgTable('ballots', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
  /** 'household:<households.key>' or 'person:34' */
  voterKey: text('voter_key').notNull(),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  buildingId: integer('building_id').references(() => buildings.id),
  dots: jsonb('dots').$type<number[]>().notNull(),
  /** council rounds: urgency and importance per project */
  scores: jsonb('scores').$type<{ project: number; urgency: number; importance: number }[]>(),
  /** acceptance: the resident's words with the rating */
  comment: text('comment'),
  castAt: ts('cast_at').notNull(),
}, (t) => [uniqueIndex('ballots_round_voter_uq').on(t.roundId, t.voterKey)])

/** A department or partner (街道职能部门 / 共建单位) that offers resources and takes assignments. */
export const partners = pgTable('partners', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('partners_community_name_uq').on(t.communityId, t.name)])

/** 资源: what a partner offers (绿化改造, 预算5万). */
export const resources = pgTable('resources', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  partnerId: integer('partner_id').notNull().references(() => partners.id),
  what: text('what').notNull(),
  /** yuan; null when not given */
  budget: integer('budget'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('resources_partner_idx').on(t.partnerId)])

/** 派单: a project given to a partner, with its time window and the places it works on. */
export const assignments = pgTable('assignments', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  projectId: integer('project_id').notNull().references(() => projects.id),
  partnerId: integer('partner_id').notNull().references(() => partners.id),
  /** yuan; null when not given */
  cost: integer('cost'),
  startsAt: ts('starts_at').notNull(),
  dueAt: ts('due_at').notNull(),
  /** place keys ('b:3', 'a:中心花园') for the conflict check */
  places: jsonb('places').$type<string[]>().notNull(),
  /** 'active' | 'replaced' (改派) | 'done' (accepted) */
  status: text('status').notNull().default('active'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
  endedAt: ts('ended_at'),
}, (t) => [
  uniqueIndex('assignments_active_project_uq').on(t.projectId).where(sql`status = 'active'`),
  index('assignments_community_idx').on(t.communityId, t.status),
])

/** 进度: one progress report on a project (%, words, photos). */
export const progressUpdates = pgTable('progress_updates', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  projectId: integer('project_id').notNull().references(() => projects.id),
  assignmentId: integer('assignment_id').references(() => assignments.id),
  percent: integer('percent').notNull(),
  note: text('note').notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  byPerson: integer('by_person').references(() => people.id, { onDelete: 'set null' }),
  at: ts('at').notNull(),
}, (t) => [index('progress_updates_project_idx').on(t.projectId, t.at)])

/**
 * 随手拍 / 找茬 / 报事: an everyday report (R-id = id), routed to the building's grid member. Not a
 * campaign suggestion: 转建议 turns it into one (suggestionId).
 */
export const reports = pgTable('reports', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  /** who reported (null once they erased their data) */
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  /** the group it was reported in (null: privately): the reporter hears back there */
  roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  buildingId: integer('building_id').references(() => buildings.id),
  place: text('place'),
  placeKind: text('place_kind'),
  category: text('category').notNull(),
  problem: text('problem').notNull(),
  /** jieba tokens + bigrams, kept for the duplicate check */
  features: jsonb('features').$type<string[]>().notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  /** a location pin's coordinates (near a home: personal data, blanked by erasure) */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** 'open' → 'taken' (接单) → 'handled' (处理) | 'suggested' (转建议) | 'declined' (不处理) */
  status: text('status').notNull().default('open'),
  takenBy: integer('taken_by').references(() => people.id, { onDelete: 'set null' }),
  takenAt: ts('taken_at'),
  closedBy: integer('closed_by').references(() => people.id, { onDelete: 'set null' }),
  closedAt: ts('closed_at'),
  /** what was done (处理) or why not (不处理) */
  outcome: text('outcome'),
  outcomeFileIds: jsonb('outcome_file_ids').$type<number[]>().notNull(),
  suggestionId: integer('suggestion_id').references(() => suggestions.id),
  /** told to the staff group once: not taken in time, not handled in time */
  escalatedTakeAt: ts('escalated_take_at'),
  escalatedSlaAt: ts('escalated_sla_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('reports_open_bucket_idx').on(t.communityId, t.buildingId, t.category).where(sql`status in ('open', 'taken')`),
  index('reports_status_idx').on(t.communityId, t.status, t.createdAt),
  index('reports_person_idx').on(t.personId),
])

/** "是同一件事": a +1 on an open report, in the person's own words; they hear back too. */
export const reportSupports = pgTable('report_supports', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  reportId: integer('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  words: text('words').notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('report_supports_report_person_uq').on(t.reportId, t.personId), index('report_supports_person_idx').on(t.personId)])

/** 找茬志愿者: only they earn points; boardName set = they agreed to be named on the monthly 积分榜. */
export const volunteers = pgTable('volunteers', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** whose building group's 积分榜 lists them */
  buildingId: integer('building_id').references(() => buildings.id),
  boardName: text('board_name'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('volunteers_community_person_uq').on(t.communityId, t.personId)])

/**
 * A person's balance: the sum of their ledger entries, kept beside the ledger so that a debit is
 * one conditional update (two redemptions racing for the last points cannot both pass).
 */
export const pointsAccounts = pgTable('points_accounts', {
  communityId: integer('community_id').notNull().references(() => communities.id),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  balance: integer('balance').notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('points_accounts_pk').on(t.communityId, t.personId), check('points_accounts_balance_ck', sql`${t.balance} >= 0`)])

/**
 * The points ledger: append-only (a trigger refuses deletes and edits of what an entry is; only
 * the people in it may be blanked, by erasure). A mistake is a reversing entry (reversesId).
 */
export const pointsLedger = pgTable('points_ledger', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  /** whose points (null once they erased their data: the sums stay, anonymous) */
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  points: integer('points').notNull(),
  /** 'report' (a handled report) | 'work' (记分) | 'redeem' (兑换) | 'reverse' (冲正 of reversesId) */
  kind: text('kind').notNull(),
  /** counts as earned (report, work and their reversals): the daily cap and the 积分榜 read it */
  earning: boolean('earning').notNull(),
  reason: text('reason').notNull(),
  reportId: integer('report_id').references(() => reports.id),
  /** 兑换: the item (the redemption points back at its entry) */
  itemId: integer('item_id'),
  reversesId: integer('reverses_id'),
  /** who made the entry (null: the bot itself, for a handled report; or erased) */
  byPerson: integer('by_person').references(() => people.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('points_ledger_report_uq').on(t.reportId).where(sql`kind = 'report'`),
  uniqueIndex('points_ledger_reverses_uq').on(t.reversesId),
  index('points_ledger_person_idx').on(t.personId, t.createdAt),
  index('points_ledger_community_idx').on(t.communityId, t.createdAt),
  check('points_ledger_points_ck', sql`${t.points} <> 0`),
])

/** 积分商品: what points buy, with its stock. */
export const pointsItems = pgTable('points_items', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  cost: integer('cost').notNull(),
  stock: integer('stock').notNull(),
  /** false: taken off the catalogue (下架); kept for the ledger's history */
  active: boolean('active').notNull().default(true),
  createdBy: integer('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  uniqueIndex('points_items_community_name_uq').on(t.communityId, t.name),
  check('points_items_stock_ck', sql`${t.stock} >= 0`),
  check('points_items_cost_ck', sql`${t.cost} > 0`),
])

/** 兑换 (D-id = id): points debited and the item set aside until staff hand it over (核销). */
export const pointsRedemptions = pgTable('points_redemptions', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  itemId: integer('item_id').notNull().references(() => pointsItems.id),
  cost: integer('cost').notNull(),
  ledgerId: integer('ledger_id').notNull().references(() => pointsLedger.id),
  /** 'pending' | 'handed' | 'cancelled' */
  status: text('status').notNull().default('pending'),
  handedBy: integer('handed_by').references(() => people.id, { onDelete: 'set null' }),
  handedAt: ts('handed_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('points_redemptions_person_idx').on(t.personId, t.status), index('points_redemptions_community_idx').on(t.communityId, t.status)])

/**
 * 议题 (Q-id = id): a question with options for a roundtable (圆桌议事会), put to the households
 * of some buildings; each chooses one option with an optional reason until the deadline.
 */
export const questions = pgTable('questions', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  title: text('title').notNull(),
  options: jsonb('options').$type<string[]>().notNull(),
  /** the buildings whose groups hear of it and whose households choose (null: every building) */
  buildingIds: jsonb('building_ids').$type<number[]>(),
  closesAt: ts('closes_at').notNull(),
  /** 'open' | 'closed' (the deadline passed: no more choices) */
  status: text('status').notNull().default('open'),
  closedAt: ts('closed_at'),
  /** 议题结论: the outcome the roundtable reached and why (published with the numbers) */
  outcome: text('outcome'),
  outcomeReason: text('outcome_reason'),
  concludedAt: ts('concluded_at'),
  createdBy: integer('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('questions_community_idx').on(t.communityId, t.status), index('questions_open_idx').on(t.status, t.closesAt)])

/** A household's choice on a question (re-choosing replaces it), with the person's reason. */
export const questionChoices = pgTable('question_choices', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  questionId: integer('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
  /** 'household:<households.key>': one choice per household, surviving erasure */
  voterKey: text('voter_key').notNull(),
  /** who chose last (null once they erased their data) */
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  buildingId: integer('building_id').references(() => buildings.id),
  /** 1-based option number */
  option: integer('option').notNull(),
  /** their words; shown without names, blanked when they erase their data */
  reason: text('reason'),
  castAt: ts('cast_at').notNull(),
}, (t) => [uniqueIndex('question_choices_question_voter_uq').on(t.questionId, t.voterKey), index('question_choices_person_idx').on(t.personId)])

/** 议题纪要: the roundtable's notes (and photos), posted to the question's groups. */
export const questionNotes = pgTable('question_notes', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  questionId: integer('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  fileIds: jsonb('file_ids').$type<number[]>().notNull(),
  byPerson: integer('by_person').references(() => people.id, { onDelete: 'set null' }),
  at: ts('at').notNull(),
}, (t) => [index('question_notes_question_idx').on(t.questionId, t.at)])

/** 商议: a department's consultation on a pool project (可以做，预算3万), on the record for 进度 and the export. */
export const consultations = pgTable('consultations', {
  id: serial('id').primaryKey(),
  communityId: integer('community_id').notNull().references(() => communities.id),
  projectId: integer('project_id').notNull().references(() => projects.id),
  partnerId: integer('partner_id').notNull().references(() => partners.id),
  words: text('words').notNull(),
  byPerson: integer('by_person').references(() => people.id, { onDelete: 'set null' }),
  at: ts('at').notNull(),
}, (t) => [index('consultations_project_idx').on(t.projectId, t.at)])
