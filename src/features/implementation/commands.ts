import { defineCommand } from '../../kit/command.js'
import { appointLiaison, revokeLiaisonRole } from '../../services/appointLiaison.js'
import { assignProject } from '../../services/assignProject.js'
import { completeProject } from '../../services/completeProject.js'
import { offerResource } from '../../services/offerResource.js'
import { rateProject } from '../../services/rateProject.js'
import { progressCommand } from '../../services/reportProgress.js'

/** Carrying projects out: departments' resources and liaisons, assignment, progress, completion, rating. */
export const implementationCommands = [
  defineCommand({
    name: '进度',
    aliases: ['查进度', '项目进度'],
    usage: '进度 J12 — 我的建议走到哪一步；进度 P3 — 项目进展',
    // everyone asks; staff and liaisons also report (the use-case tells which)
    who: 'everyone',
    where: 'anywhere',
    act: '查看进度',
    unlisted: true,
    run: progressCommand,
  }),
  defineCommand({
    name: '资源',
    aliases: ['登记资源', '提供资源', '资源登记'],
    usage: '资源 绿化所 绿化改造 预算5万 — 单位登记能提供的资源',
    who: 'partner',
    where: 'office',
    act: '登记资源',
    run: offerResource,
  }),
  defineCommand({
    name: '派单',
    aliases: ['派给', '分派', '派项目'],
    usage: '派单 P3 绿化所 预计12月底 — 派给单位（只说「派单」看行动计划）',
    who: 'staff',
    where: 'office',
    act: '派单',
    run: assignProject,
  }),
  defineCommand({
    name: '联络员',
    aliases: ['设联络员', '单位联络员'],
    usage: '联络员 @张三 绿化所 — 在工作群里说，设单位联络员',
    who: 'staff',
    where: 'office',
    act: '设联络员',
    run: appointLiaison,
  }),
  defineCommand({
    name: '撤销联络员',
    aliases: ['取消联络员', '删除联络员'],
    usage: '撤销联络员 @张三 — 不再是联络员',
    who: 'staff',
    where: 'office',
    act: '撤销联络员',
    unlisted: true,
    run: (ctx) => revokeLiaisonRole(ctx),
  }),
  defineCommand({
    name: '完成',
    aliases: ['完工', '已完工', '报完工', '竣工'],
    usage: '完成 P3 — 完工，请居民验收评价',
    who: 'partner',
    where: 'office',
    act: '报完工',
    run: completeProject,
  }),
  defineCommand({
    name: '评价',
    aliases: ['验收评价', '满意度', '打星'],
    usage: '评价 P3 5 很满意 — 给完工的项目打分（1–5）',
    who: 'everyone',
    where: 'anywhere',
    act: '评价',
    unlisted: true,
    run: rateProject,
  }),
]
