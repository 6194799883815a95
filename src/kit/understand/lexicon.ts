/**
 * The words the understanding layer recognises (all in Simplified, as the parse sees them):
 * answers to a confirm question, small talk, everyday phrasings of commands, and what a quote of
 * the bot's own message means. Command names and aliases stay in their defineCommand.
 */

/** 「您是想…吗？回复「是」」 answered yes (no spaces or punctuation, lower case) */
export const YES = new Set([
  '是', '是的', '是啊', '是呀', '是滴', '对', '对的', '对啊', '对呀', '对对', '对对对', '嗯', '嗯嗯', '恩', '恩恩',
  '好', '好的', '好啊', '好滴', '行', '行的', '可以', '确定', '确认', '没错', '要', '要的', '中', '嗯是', '是是',
  'yes', 'y', 'ok', 'okay', '👌', '👍',
])

/** … answered no */
export const NO = new Set(['不是', '不', '不对', '不要', '不用', '不用了', '算了', '不是的', '错了', '没有', '否', '取消', '不了', 'no', 'n'])

/** Small talk: a greeting, thanks, or a plain "ok" (compared without spaces and punctuation). */
export const SMALL_TALK: Record<'hello' | 'thanks' | 'ok', readonly string[]> = {
  hello: ['你好', '您好', '你好呀', '您好呀', '你好啊', '在吗', '在不在', '在么', '在嘛', '有人吗', '哈喽', '嗨', '喂', '早', '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '晚安', 'hello', 'hi', '小助手', '助手'],
  thanks: ['谢谢', '谢谢你', '谢谢您', '谢谢啦', '谢啦', '谢了', '多谢', '感谢', '太感谢了', '非常感谢', '辛苦了', '辛苦', '辛苦啦', '麻烦你了', '麻烦了', '谢谢帮忙', '谢谢你们', '谢谢了'],
  ok: ['好的', '好', '好嘞', '好滴', '好吧', '收到', '知道了', '晓得了', '明白', '明白了', '了解', '嗯', '嗯嗯', '哦', '噢', '喔', '行', '可以', 'ok', '👌', '👍', '🙏', '[强]', '[抱拳]', '[OK]'],
}

/** What someone says before a command word: 我想登记…, 请帮我… (longest first when matched) */
export const LEAD_INS = [
  '我也想要', '我也想', '我也要', '我想要', '我想', '我要', '想要', '我需要', '需要', '我得', '我来', '我能', '我可以',
  '能不能', '可不可以', '可以', '请帮我', '麻烦帮我', '麻烦你', '麻烦', '帮我', '给我', '请', '想', '要', '能',
]

/** …and a question before it: 怎么登记, 请问怎么投票 — the command is only being asked about */
export const QUESTION_LEAD_INS = ['请问怎么样才能', '请问怎么', '请问如何', '请问在哪', '请问', '怎么样才能', '怎样才能', '怎么才能', '怎么', '如何', '怎样', '咋', '在哪里', '在哪儿', '在哪', '去哪里', '去哪', '哪里可以', '哪里能']

/** Words right after a command word that add nothing: 登记一下, 投个票吧 */
export const FILLERS = ['一下子', '一下', '下', '一个', '个', '了', '吧', '啊', '呀', '呢', '吗', '嘛', '哈', '哦']

/** Particles at the end of a message: …吧, …啊 */
export const TRAILING_PARTICLES = /[吧啊呀呢嘛哈哦啦~]+$/

/** After a command that changes data, only a question: 完成了吗 asks whether it is done, it does not do it */
export const QUESTION_TAIL = /^(?:了吗|了么|了嘛|了没有?|了不|没有?|吗|么)\?*$/

/** The rest of a phrasing that only names what the command is about: 我想登记一下「我家门牌」 */
export const ABOUT_NOTHING: Record<string, RegExp> = {
  登记: /^(?:我|我们|我们家|我家|咱家|咱们家|家里)?(?:家|家里)?(?:的)?(?:门牌号码|门牌号|门牌|房号|房间号|住址|地址|住户|信息|户口|家庭)?$/,
  建议: /^(?:一?个|一下|点|些|一些)?(?:小)?(?:问题|情况|事情|事儿|事|意见|建议|想法|毛病)?$/,
  投票: /^(?:一票|票|在哪|在哪里)?$/,
  进度: /^(?:项目|工程|一下)?$/,
  帮助: /^(?:我|一下|我一下)?$/,
  我的信息: /^$/,
  评价: /^$/,
  报名议事员: /^$/,
}

/** Commands that take nothing after them: a near miss followed by other words is not one of them. */
export const NO_ARGS = new Set(['帮助', '取消', '返回', '我的信息', '删除我的信息', '我的建议', '同意', '不同意', '接受推荐', '不接受', '报名议事员', '状态', '导出', '建议列表', '换工作群', '确认换群', '代提建议'])

/**
 * Commands that only show things (a guess of one runs without asking): 'always', only when said
 * bare ('bare'), or bare or with one code (进度 P3 shows; 进度 P3 60% reports).
 */
export const READ_ONLY: Record<string, 'always' | 'bare' | 'code'> = {
  帮助: 'always',
  我的信息: 'always',
  我的建议: 'always',
  结果: 'always',
  公告状态: 'always',
  建议列表: 'always',
  项目历史: 'always',
  状态: 'always',
  我的报事: 'always',
  积分: 'always',
  报事列表: 'always',
  积分商品: 'bare',
  取消: 'always',
  返回: 'always',
  进度: 'code',
  投票: 'bare',
  评价: 'bare',
  资源: 'bare',
  派单: 'bare',
  议事员报名: 'bare',
  建议: 'bare',
  代提建议: 'bare',
}

/** A code as people write it: P3, j12, G2, T1 */
export const CODE = /^[PJGT]\d{1,6}$/i

/** The kind of code a command takes as its first argument, which a quoted message may supply. */
export const CODE_OF: Record<string, RegExp> = {
  评价: /^P$/,
  进度: /^[PJ]$/,
  已转发: /^G$/,
  公告状态: /^G$/,
  结果: /^T$/,
  项目历史: /^P$/,
  选: /^Q$/,
  议题: /^Q$/,
}

/**
 * Whole-message phrasings, tried in order on the Simplified, normalised message (trailing
 * particles off). `args` builds the command's arguments from the match.
 */
export interface Phrasing {
  re: RegExp
  name: string
  args?: (m: RegExpExecArray) => string
  /** a question about the command, not the command itself: only a harmless one runs */
  question?: boolean
  /** matched on the words as typed only (not with a closing 了吗 taken off: 登记了吗 asks, 帮我登记 wants) */
  asTyped?: boolean
}

const code = (m: RegExpExecArray, i = 1) => (m[i] ?? '').toUpperCase()

export const PHRASINGS: Phrasing[] = [
  // help: what can you do, how does this work
  { re: /^(?:你|您)?(?:都|还|到底)?(?:能|会|可以)(?:帮我|帮)?(?:干|做|办|弄)?(?:些|点)?(?:什么|啥|哪些|什么事)(?:事情?|功能)?$/, name: '帮助' },
  { re: /^(?:这个|你|这)?(?:怎么用|怎么弄|怎么操作|怎么使用|如何使用|怎么玩|咋用|咋弄)$/, name: '帮助' },
  { re: /(?:不会用|不懂怎么用|不知道怎么用|教教我|教我一下|看不懂|有什么功能|有啥功能|有哪些功能|使用说明|说明书)/, name: '帮助' },
  // 建议: 我要反映个问题（：3号楼路灯坏了）, 有个情况想反映
  { re: /^(?:我|我们)?(?:想|要|想要|得|来|需要)?(?:反映|投诉|举报|反应(?=一?个|一下|下|点|问题|情况|$))(?:一?个|一下|下|点|些)?(?:问题|情况|事情|事儿|事|意见|建议)?(?:[,:.;]\s*|\s+)?(.*)$/, name: '建议', args: (m) => m[1] ?? '' },
  { re: /^(?:我|我们)?有(?:一?个|点|些|件)?(?:问题|情况|事情|事儿|事|意见|建议)(?:要|想)?(?:反映|反应|说|提|投诉)?(?:一下)?(?:[,:.;]\s*|\s+)?(.*)$/, name: '建议', args: (m) => m[1] ?? '' },
  { re: /^(.{4,}?)[,.;\s]*(?:我|我们)?(?:想|要)?(?:反映|反应|投诉)(?:一下|下)?$/, name: '建议', args: (m) => m[1] ?? '', asTyped: true },
  // 登记 after the door: 我家住3号楼502，帮我登记一下
  { re: /^(?:我|我们)?(?:家)?(?:住|住在|是)?(.*\d.*?)[,.;\s]*(?:请|麻烦)?(?:帮我|给我|我想|我要)?(?:登记|登个记)(?:一下|下)?$/, name: '登记', args: (m) => m[1] ?? '', asTyped: true },
  // 进度: P3到哪了, 项目到哪一步了, P3怎么样了
  { re: /^([PJ]\d{1,6})?(?:这个|那个)?(?:项目|工程|建议)?(?:现在|目前)?(?:到|做到|进行到|弄到|修到|走到|办到)(?:了)?(?:哪|哪里|哪儿|哪一步|什么程度|什么地步|啥程度|哪步)(?:了)?$/i, name: '进度', args: code },
  { re: /^([PJ]\d{1,6})\s*(?:现在|目前)?(?:怎么样了|咋样了|怎样了|进展|进展如何|进展怎么样|什么情况|啥情况|到哪了|修好了吗|好了吗|弄好了吗)$/i, name: '进度', args: code },
  { re: /^(?:项目|工程)(?:现在|目前)?(?:怎么样了|咋样了|进展|进展如何|进展怎么样|进行得怎么样|什么情况|到哪了)$/, name: '进度' },
  // 完成了吗, P3修好了没: asks how far it is (never 完成 itself, which staff say)
  { re: /^([PJ]\d{1,6})?(?:这个|那个)?(?:项目|工程)?(?:完成|完工|做完|修好|弄好|搞好|干完|办完|办好)(?:了吗|了么|了没有?|没有?)\?*$/i, name: '进度', args: code, asTyped: true },
  // 登记了吗, 我登记上了没: what is stored about me
  { re: /^(?:我|我家)?(?:登记|登记上|登记好)(?:了吗|了么|了没有?|没有?)\?*$/, name: '我的信息', asTyped: true },
  // 我的建议: 我提的那个怎么样了
  { re: /^(?:我|我们)(?:提|反映|说|报)的(?:那个|那些|那件)?(?:建议|问题|事情?|情况)?(?:现在)?(?:怎么样了|咋样了|怎样了|有消息吗|有回音吗|有人管吗|处理了吗|到哪了|到哪一步了|办了吗|有结果吗)$/, name: '我的建议' },
  // 投票: 我投3号, 选3和7; 怎么投票 (a question: shows the round)
  { re: /^(?:我|我家|我们)?(?:要|想)?(?:投|选|投给|选择)(?:第)?((?:P?\d{1,6}\s*(?:号|项|个)?[\s,、和与跟及]*)+)(?:号)?(?:一票|票|吧)?$/i, name: '投票', args: (m) => (m[1] ?? '').trim() },
  { re: /^(?:怎么|如何|怎样|咋|在哪里?|去哪里?)(?:投票|投|参加投票)$/, name: '投票', question: true },
  // 评价: 给P3打5分, P3 五星, P3很满意
  { re: /^(?:我)?(?:给|对|帮)?(P\d{1,6})\s*(?:打|评|给|评个|打个)?\s*(\d|[一二三四五])\s*(分|星|颗星|颗)$/i, name: '评价', args: (m) => `${code(m)} ${m[2]}${m[3]}` },
  { re: /^(?:我)?(?:给|打|评)\s*(\d|[一二三四五])\s*(分|星|颗星)$/, name: '评价', args: (m) => `${m[1]}${m[2]}` },
  // 我的信息
  { re: /^(?:你们|你)?(?:存|记|保存)(?:了|着)?(?:我的?|我家)(?:什么|哪些|啥)(?:信息|资料|东西)?$/, name: '我的信息' },
  { re: /^(?:我的|我)(?:资料|信息)(?:有什么|有哪些|是什么)$/, name: '我的信息' },
  // 删除我的信息
  { re: /^(?:请|麻烦)?(?:帮我)?(?:把)?(?:我的)?(?:信息|资料|数据)?(?:都)?(?:删除|删掉|删了|清除|抹掉|注销)(?:掉)?(?:我的)?(?:信息|资料|数据|账号)$/, name: '删除我的信息' },
  { re: /^(?:请|麻烦)?(?:你)?(?:帮我)?把?(?:我的|我)(?:个人)?(?:信息|资料|数据)(?:都|全部)?(?:删除|删掉|删了|清除|抹掉|注销)(?:掉|了)?$/, name: '删除我的信息' },
  // 报名议事员
  { re: /^(?:我)?(?:也)?(?:想|要|想要|愿意)?(?:参加|加入|报名参加|报名|当|做)(?:议事会|议事员|居民议事会)$/, name: '报名议事员' },
  // 结果
  { re: /^(?:投票)?结果(?:出来了吗|出来没|怎么样|如何|是什么)$/, name: '结果' },
]

/** What a quoted message of the bot is about, by its headline (the first match counts). */
export type QuoteKind = 'vote' | 'rate' | 'notice' | 'project' | 'score' | 'question'

export const QUOTE_CONTEXT: { re: RegExp; kind: QuoteKind }[] = [
  { re: /【居民投票\s*T(\d+)】/, kind: 'vote' },
  { re: /进行中[:：]\s*T(\d+)/, kind: 'vote' },
  { re: /【完工请验收】\s*P(\d+)/, kind: 'rate' },
  { re: /等您评价的项目[:：]\s*P(\d+)「[^」]*」[^、]*$/, kind: 'rate' },
  { re: /【(?:公开信|通知)\s*G(\d+)】/, kind: 'notice' },
  { re: /【进度】\s*P(\d+)/, kind: 'project' },
  { re: /【议事会评议\s*T(\d+)】/, kind: 'score' },
  { re: /【议题\s*Q(\d+)】/, kind: 'question' },
]

/** New words under a quote of a round: a ballot (numbers only, 号/P/投 around them) */
export const BALLOT = /^(?:我|我家)?(?:投|选|投给)?\s*(?:第)?(?:P?\s*\d{1,6}\s*(?:号|项)?[\s,、和与跟及]*)+(?:号)?(?:一票|票)?$/i
/** …of a notice: it has been passed on */
export const FORWARDED = /^(?:已经?|都)?(?:转发?|发|转给大家|发到群里)(?:了|好了|过了|完了)?$|^(?:收到|好了|已转|已发|转了|发了|ok)$/i
/** …of project news: asking how it goes */
export const ASKS_PROGRESS = /(?:到哪|进展|怎么样了|咋样了|什么时候|啥时候|多久|几时|进度)/
/** …of a council round: scores */
export const SCORES = /P\s*\d+\s*[:：]?\s*\d\s*分?[\s,，/]*\d/i
/** …of a question (议题): an option's number first, a reason may follow (3 可以种花) */
export const CHOICE = /^(?:我|我家)?(?:选|投|支持)?\s*(?:第)?\s*[1-9一二三四五六七八九](?!\d)(?:\s*(?:号|个|项))?(?:$|[\s,.:;!，。：；！、])/
/** satisfaction words that make bare words a rating (with an acceptance round open) */
export const RATING_WORDS = /(?:\d|[一二三四五])\s*(?:分|星|颗星)|[★⭐]|满意|不错|很好|太差|一般|还行/

/** A bare list of numbers (WorkPro delivers a quote-reply as the new words only): maybe a ballot. */
export const BARE_NUMBERS = /^(?:P?\s*\d{1,6}\s*(?:号)?[\s,、和]*)+$/i

/** Message types, as the type lines name them (for the operator log and tests). */
export const TYPE_NAMES = ['voice', 'video', 'location', 'link', 'mini-program', 'file', 'sticker', 'contact', 'chat-history', 'money', 'image', 'other'] as const

/** the commands a quoted bot message or bare words turn into */
export const CMD = { vote: '投票', rate: '评价', forwarded: '已转发', progress: '进度', score: '评分', choose: '选' } as const
