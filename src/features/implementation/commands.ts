import { defineCommand } from '../../kit/command.js'
import { appointLiaison } from './appointLiaison.js'
import { assignProject } from './assignProject.js'
import { completeProject } from './completeProject.js'
import { consultProject } from './consultProject.js'
import { offerResource } from './offerResource.js'
import { rateProject } from './rateProject.js'
import { progressCommand } from './reportProgress.js'
import { revokeLiaisonRole } from './revokeLiaison.js'
import { commandText as t } from './text.js'

/** Carrying projects out: departments' resources and liaisons, assignment, progress, completion, rating. */
export const implementationCommands = [
  defineCommand({
    name: '进度',
    aliases: ['查进度', '项目进度'],
    usage: t.usage.progress,
    // everyone asks; staff and liaisons also report (the use-case tells which)
    who: 'everyone',
    where: 'anywhere',
    act: t.act.progress,
    unlisted: true,
    run: progressCommand,
  }),
  defineCommand({
    name: '资源',
    aliases: ['登记资源', '提供资源', '资源登记'],
    usage: t.usage.resource,
    who: 'partner',
    where: 'office',
    act: t.act.resource,
    run: offerResource,
  }),
  defineCommand({
    name: '派单',
    aliases: ['派给', '分派', '派项目'],
    usage: t.usage.assign,
    who: 'staff',
    where: 'office',
    act: t.act.assign,
    run: assignProject,
  }),
  defineCommand({
    name: '联络员',
    aliases: ['设联络员', '单位联络员'],
    usage: t.usage.liaison,
    who: 'staff',
    where: 'office',
    act: t.act.liaison,
    run: appointLiaison,
  }),
  defineCommand({
    name: '撤销联络员',
    aliases: ['取消联络员', '删除联络员'],
    usage: t.usage.revokeLiaison,
    who: 'staff',
    where: 'office',
    act: t.act.revokeLiaison,
    unlisted: true,
    run: (ctx) => revokeLiaisonRole(ctx),
  }),
  defineCommand({
    name: '商议',
    aliases: ['商议意见', '部门商议'],
    usage: t.usage.consult,
    who: 'partner',
    where: 'office',
    act: t.act.consult,
    run: consultProject,
  }),
  defineCommand({
    name: '完成',
    aliases: ['完工', '已完工', '报完工', '竣工'],
    usage: t.usage.complete,
    who: 'partner',
    where: 'office',
    act: t.act.complete,
    run: completeProject,
  }),
  defineCommand({
    name: '评价',
    aliases: ['验收评价', '满意度', '打星'],
    usage: t.usage.rate,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.rate,
    unlisted: true,
    run: rateProject,
  }),
]
