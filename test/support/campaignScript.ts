import type { MockCommunity, SayOptions } from './mockCommunity.js'

/**
 * The whole campaign cycle in one scripted community, as `npm run demo` shows it: binding,
 * registration, a letter, suggestions, the pool, council scores, votes, assignments, progress,
 * acceptance, a question, a resolution, the export, posters, reports and points, voice and pins,
 * erasure and the council lottery. Also what the tenant-key test drives to see every query.
 */
export const STAFF = '居委工作群'
export const B3 = '幸福里3号楼'
export const B5 = '幸福里5号楼'

export const GROUPS: Record<string, string[]> = {
  [STAFF]: ['王主任', '李干事', '刘工'],
  [B3]: ['王主任', '张三', '李阿姨', '赵大爷', '钱阿姨', '小刘'],
  [B5]: ['李干事', '孙叔叔', '周阿姨'],
}

export interface CampaignScript {
  /** one message (then the bot's replies); expectSilence: the bot should not answer it */
  say(who: string, text: string, opts?: SayOptions & { expectSilence?: boolean }): Promise<void>
  /** a new part of the story begins */
  section(title: string, note?: string): void
  /** the 公示 and 结项报告 posters have been sent */
  afterPosters?(): Promise<void>
}

/** Plays the campaign on a started community whose groups are GROUPS. */
export async function playCampaign(c: MockCommunity, script: CampaignScript): Promise<void> {
  const { say, section } = script
  section('绑定之前，居民先问问', '机器人已在群里，但还不知道这是哪栋楼的群')
  await say('张三', '帮助', { room: B3 })

  section('居委把楼栋群绑定到楼栋', '中文数字、“栋”都能认')
  await say('王主任', '绑定 三号楼', { room: B3 })
  await say('李干事', '绑定 5栋', { room: B5 })

  section('居委指定楼组长')
  await say('王主任', '楼组长', { room: B3, mentions: ['张三'] })
  await say('李干事', '楼组长', { room: B5, mentions: ['孙叔叔'] })

  section('居民登记门牌', '写法不一：阿拉伯数字、中文数字加单元、全角数字，也可以私聊')
  await say('赵大爷', '登记 3号楼 502', { room: B3 })
  await say('钱阿姨', '登记 三号楼 2单元 1101', { room: B3 })
  await say('张三', '登记 ３号楼 ３０１', { room: B3 })
  await say('孙叔叔', '登记 5号楼 101', { room: B5 })
  console.log('   （李阿姨不想在群里说门牌，私聊机器人；机器人私下告诉楼组长）')
  await say('李阿姨', '登记 3号楼 602')

  section('楼组长和居委确认登记')
  await say('张三', '确认', { room: B3, mentions: ['赵大爷', '李阿姨'] })
  await say('王主任', '确认', { room: B3, mentions: ['张三'] })
  await say('李干事', '确认', { room: B5, mentions: ['孙叔叔'] })

  section('再问帮助：身份不同，能做的事不同')
  await say('张三', '帮助', { room: B3 })
  await say('王主任', '帮助', { room: STAFF })
  await say('赵大爷', '帮助')

  section('看看存了我什么', '在群里不显示门牌，私聊才显示')
  await say('李阿姨', '我的信息', { room: B3 })
  await say('李阿姨', '我的信息')

  section('居委发一封公开信', '一步一步写，先预览，说「确认」才发；每个楼栋群各收到一次；对话中不用再 @')
  await say('王主任', '新建活动 2026年冬季微更新', { room: STAFF })
  await say('王主任', '发布公开信', { room: STAFF })
  await say('王主任', '致幸福里全体居民的一封信', { room: STAFF, mention: false })
  await say(
    '王主任',
    '各位邻居：\n小区要做一期“微更新”：路灯、车棚、楼道、绿化……哪里不方便，请告诉我们。\n居委会和议事会将汇总大家的建议，排出先后，再请大家投票。',
    { room: STAFF, mention: false },
  )
  await say('王主任', '跳过', { room: STAFF, mention: false })
  await say('王主任', '全部', { room: STAFF, mention: false })
  await say('王主任', '立即', { room: STAFF, mention: false })
  await say('王主任', '确认', { room: STAFF, mention: false })

  section('楼组长转发后回复「已转发」，居委查看')
  await say('张三', '已转发', { room: B3 })
  await say('孙叔叔', '已转发 G1', { room: B5 })
  await say('王主任', '公告状态 G1', { room: STAFF })

  section('居民提建议', '两个人同时在一个群里说，各走各的对话；别人插话不算回答')
  await say('赵大爷', '建议', { room: B3 })
  await say('李阿姨', '我要提建议', { room: B3 })
  await say('赵大爷', '门口路灯坏了，晚上很黑', { room: B3, mention: false })
  await say('钱阿姨', '今天菜场鸡蛋便宜', { room: B3, mention: false, expectSilence: true })
  await say('李阿姨', '楼道里堆满了纸箱，有火灾隐患', { room: B3, mention: false })
  await say('赵大爷', '是', { room: B3, mention: false })
  await say('李阿姨', '是', { room: B3, mention: false })
  await say('赵大爷', '跳过', { room: B3, mention: false })
  await say('李阿姨', '跳过', { room: B3, mention: false })
  await say('赵大爷', '提交', { room: B3, mention: false })
  await say('李阿姨', '提交', { room: B3, mention: false })

  section('一句话提建议，和「是不是同一件事」', '一句话里说清楚的，只问还缺的')
  await say('孙叔叔', '建议 三号楼前面的灯不亮', { room: B5 })
  await say('孙叔叔', '跳过', { room: B5, mention: false })
  await say('孙叔叔', '提交', { room: B5, mention: false })
  await say('孙叔叔', '是', { room: B5, mention: false })

  section('楼组长替不在群里的邻居提', '王奶奶不用微信，楼组长代提')
  await say('张三', '代提建议', { room: B3 })
  await say('张三', '王奶奶 3号楼 101', { room: B3, mention: false })
  await say('张三', '单元门口台阶太高，轮椅上不去', { room: B3, mention: false })
  await say('张三', '是', { room: B3, mention: false })
  await say('张三', '跳过', { room: B3, mention: false })
  await say('张三', '提交', { room: B3, mention: false })

  section('看看自己的建议；居委看新建议')
  await say('赵大爷', '我的建议')
  await say('王主任', '建议列表', { room: STAFF })

  section('居委把建议汇总成项目', '每一步都留记录，可以「撤销」；提建议的人能看到自己的建议并进了哪个项目')
  await say('王主任', '合并 J1 J3 为 3号楼出入口改造', { room: STAFF })
  await say('王主任', '合并 J2 到 P1', { room: STAFF })
  await say('王主任', '撤销', { room: STAFF })
  await say('赵大爷', '进度 J1')
  await say('孙叔叔', '进度', { room: B5 })

  section('议事会评议：紧迫性和重要性打分', '议事员可以一次写完，也可以一项一项打；排名规则和种子开启时就公布')
  await say('王主任', '合并 J2 为 楼道清理', { room: STAFF })
  await say('王主任', '议事员', { room: B3, mentions: ['张三', '赵大爷'] })
  await say('王主任', '开启评议 P1-P2 截止 明天18:00', { room: STAFF })
  await say('张三', '评分 P1 5 4，P2 3 3')
  await say('赵大爷', '评分')
  await say('赵大爷', '4 4')
  await say('赵大爷', '3 2')
  await say('王主任', '结束投票 T1', { room: STAFF })

  section('居民投票排先后', '每户几票、可以都投给一项；在群里只说收到，私聊才说投了什么；截止时自动公布（这里居委提前结束）')
  await say('王主任', '开启投票 P1-P2 每户2票 截止 明天20:00', { room: STAFF })
  await say('赵大爷', '投票 1 2')
  await say('孙叔叔', '投票 1 1', { room: B5 })
  await say('周阿姨', '投票 2', { room: B5 })
  await say('王主任', '结束投票 T2', { room: STAFF })

  section('资源和派单', '各单位登记能提供的资源；居委按排序派单；超出预算、同一地点同期施工都会提醒；提建议的居民在自己楼的群里被 @')
  await say('王主任', '资源 绿化所 绿化改造 预算5万', { room: STAFF })
  await say('王主任', '资源 市政所 道路和管线 预算三万', { room: STAFF })
  await say('王主任', '联络员 绿化所', { room: STAFF, mentions: ['刘工'] })
  await say('王主任', '派单', { room: STAFF })
  await say('王主任', '派单 P1 绿化所 预计12月底 费用2万', { room: STAFF })
  await say('王主任', '派单 P2 市政所 预计下月中', { room: STAFF })

  section('进度通报', '承办单位的联络员在工作群里说；发到相关楼栋群，@ 提建议的居民；接着发的照片跟在后面')
  await say('刘工', '进度 P1 40% 路灯杆已运到', { room: STAFF })
  await say('刘工', '', { room: STAFF, mention: false, image: true })
  await say('刘工', '好了', { room: STAFF, mention: false })
  await say('刘工', '进度 P2 50%', { room: STAFF })
  await say('王主任', '进度 P1 80% 台阶已改成坡道', { room: STAFF })
  await say('赵大爷', '进度 J1')

  section('完工验收', '完工后相关楼栋的住户评价 1–5 分，每户一次；截止后公布，低于通过线退回整改（这里居委提前结束）')
  await say('刘工', '完成 P1', { room: STAFF })
  await say('赵大爷', '评价 P1 5 路灯亮了，台阶也平了', { room: B3 })
  await say('张三', '评价 很满意', { room: B3 })
  await say('孙叔叔', '评价 P1 4分', { room: B5 })
  await say('王主任', '结束投票 T3', { room: STAFF })
  await say('钱阿姨', '进度', { room: B3 })

  section('圆桌议事：议题和选项', '每户选一项、可写理由，改选以最后一次为准；居委看各选项的理由；纪要和照片、结论发到相关楼栋群，理由不具名、门牌打码')
  await say('王主任', '开启议题 3号楼门口水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 明天18:00', { room: STAFF })
  await say('赵大爷', '选 3 可以种花，孩子们也安全', { room: B3 })
  await say('张三', '选 2 填平了好停车，我家301门口太挤', { room: B3 })
  await say('李阿姨', '选 改成花坛 晚上井口看不清，太危险')
  await say('孙叔叔', '选 1 井水还能浇花', { room: B5 })
  await say('张三', '选 3 想了想，花坛也好', { room: B3 })
  await say('王主任', '议题 Q1', { room: STAFF })
  await say('王主任', '议题纪要 Q1 圆桌会：居民代表和绿化所技术员到场，多数倾向改成花坛，井口先加盖。', { room: STAFF })
  await say('王主任', '', { room: STAFF, mention: false, image: true })
  await say('王主任', '好了', { room: STAFF, mention: false })
  await say('王主任', '议题结论 Q1 改成花坛 理由 多数住户选了花坛，井口加盖后最安全', { room: STAFF })

  section('居民代表决议：到会人数够了才算数', '居委按楼栋设居民代表；开启时公布通过线、法定到会比例和平票规则；不够法定人数不通过，够了且赞成过半才通过；部门的商议意见记在进度里')
  await say('王主任', '居民代表', { room: B3, mentions: ['赵大爷', '李阿姨'] })
  await say('李干事', '居民代表', { room: B5, mentions: ['孙叔叔'] })
  await say('王主任', '居民代表', { room: STAFF })
  await say('王主任', '商议 P2 市政所：纸箱请物业清运，楼道加装灭火器，预算5千', { room: STAFF })
  await say('孙叔叔', '进度 P2', { room: B5 })
  await say('王主任', '开启决议 T2 居民代表 通过线 过半 到会 三分之二 截止 明天20:00', { room: STAFF })
  await say('赵大爷', '同意', { room: B3 })
  await say('王主任', '结束投票 T4', { room: STAFF })
  await say('王主任', '开启决议 T2 居民代表 通过线 过半 到会 三分之二 截止 明天20:00', { room: STAFF })
  await say('赵大爷', '同意', { room: B3 })
  await say('孙叔叔', '同意')
  await say('李阿姨', '不同意')
  await say('王主任', '结束投票 T5', { room: STAFF })

  section('导出', '一份表格：建议、项目、投票、进度、验收、各楼参与情况、议题、商议；只发给居委')
  await say('王主任', '导出', { room: STAFF })

  section('公示海报和结项报告', '打印张贴在楼道公告栏（很多老人看公告栏，不看群）：A4 的 PDF 和图片发到工作群；不印姓名和门牌')
  await say('王主任', '公示 T2', { room: STAFF })
  await say('王主任', '公示 P1', { room: STAFF })
  await say('王主任', '结项报告', { room: STAFF })
  await c.flush()
  await script.afterPosters?.()

  section('随手拍：身边的小问题，网格员来办', '报事不是微更新建议：私聊转给本楼网格员；办好后报事人在群里被 @，照片跟在后面；找茬志愿者办结得积分，可兑换')
  await say('王主任', '网格员 3号楼', { room: B3, mentions: ['小刘'] })
  await say('钱阿姨', '报名找茬志愿者', { room: B3 })
  await say('钱阿姨', '钱阿姨', { room: B3, mention: false })
  await say('钱阿姨', '随手拍 3号楼楼道里堆满了纸箱', { room: B3 })
  await say('钱阿姨', '', { room: B3, mention: false, image: true })
  await say('小刘', '接单 R1')
  await say('小刘', '处理 R1 纸箱已清走，楼道通了')
  await say('小刘', '', { image: true })
  await say('小刘', '好了')
  await say('钱阿姨', '积分')
  await say('王主任', '积分商品 洗衣液 5分 库存10', { room: STAFF })
  await say('钱阿姨', '兑换 洗衣液')
  await say('王主任', '核销 D1', { room: STAFF })
  await say('小刘', '报事列表')

  section('打字不方便：发语音、发位置', '语音建议转给楼组长和居委，楼组长听后「代听」记成文字；私聊发个位置就开始随手拍')
  await say('赵大爷', '建议', { room: B3 })
  await say('赵大爷', '', { room: B3, mention: false, type: 'voice', voiceMs: 9_000 })
  await say('赵大爷', '是', { room: B3, mention: false })
  await say('赵大爷', '跳过', { room: B3, mention: false })
  await say('赵大爷', '提交', { room: B3, mention: false })
  const [voiced] = await c.db.query<{ id: number }>('select max(id) as id from suggestions where voice_file_id is not null', [])
  await say('张三', `代听 J${voiced!.id} 3号楼楼道灯总是一闪一闪的，晚上下楼看不清`)
  await say('孙叔叔', '', { type: 'location', place: { name: '幸福里小区5号楼', latitude: 31.2301, longitude: 121.4741 } })
  await say('孙叔叔', '楼下的井盖松了，踩上去晃')

  section('说错了也不怕')
  await say('赵大爷', '今天几点停水？', { room: B3 })
  await say('周阿姨', '我想登记一下', { room: B5 })
  await say('赵大爷', '绑定 3号楼', { room: B3 })
  await say('周阿姨', '登记 8号楼 301', { room: B5 })
  await say('孙叔叔', '登记 5号楼 102', { room: B5 })

  section('删除我的信息', '确认前要再问一次；对话中的回复不用再 @')
  await say('钱阿姨', '删除我的信息', { room: B3 })
  await say('钱阿姨', '确认删除', { room: B3, mention: false })
  await say('钱阿姨', '我的信息', { room: B3 })

  section('议事员报名', '自己报名或由楼组长推荐；只问抽签需要的，每项都可跳过；公布时只显示称呼和楼号')
  for (const [who, room, answers] of [
    ['赵大爷', B3, ['好', '是', '3', '男', '业主', '确认']],
    ['张三', B3, ['好', '是', '1', '男', '租户', '确认']],
    ['李阿姨', undefined, ['好', '是', '2', '女', '跳过', '确认']],
  ] as const) {
    await say(who, '报名议事员', room ? { room } : {})
    for (const a of answers) await say(who, a, room ? { room, mention: false } : {})
  }
  await say('孙叔叔', '推荐', { room: B5, mentions: ['周阿姨'] })
  await say('周阿姨', '接受推荐', { room: B5 })
  for (const a of ['好', '是', '老年', '女', '业主', '确认']) await say('周阿姨', a, { room: B5, mention: false })

  section('居委看报名、截止、定席位和配额', '配额不可能满足时说明原因；可以满足时，各人的入选概率按 LEXIMIN 算出（在后台线程里算）')
  await say('王主任', '议事员报名', { room: STAFF })
  await say('王主任', '议事员报名 截止', { room: STAFF })
  await say('王主任', '议事会 3席 女性至少3席', { room: STAFF })
  await say('王主任', '议事会 三席 每栋至少一席 女性至少1席', { room: STAFF })

  section('公布抽签办法，再按公开号码开奖', '开奖前公布名单哈希和用哪期号码；开奖后任何人可用 npm run verify-draw 核对')
  await say('王主任', '公布抽签 福彩3D 12月5日', { room: STAFF })
  await say('王主任', '开奖 ５２７', { room: STAFF })
  await say('王主任', '开奖 527', { room: STAFF })
}
