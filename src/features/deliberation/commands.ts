import { defineCommand } from '../../kit/command.js'
import { appointRepresentative } from './appointRepresentative.js'
import { chooseOption } from './chooseOption.js'
import { concludeQuestion } from './concludeQuestion.js'
import { openQuestion } from './openQuestion.js'
import { postMinutes } from './postMinutes.js'
import { showQuestion } from './showQuestion.js'
import { deliberationText as t } from './text.js'

/** Questions with options (圆桌议事会) and the residents' representatives (居民代表). */
export const deliberationCommands = [
  defineCommand({
    name: '开启议题',
    aliases: ['发起议题', '新议题'],
    usage: t.usage.open,
    who: 'staff',
    where: 'office',
    act: t.act.open,
    run: openQuestion,
  }),
  defineCommand({
    name: '选',
    aliases: ['选择'],
    usage: t.usage.choose,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.choose,
    // the question's announcement tells the households how to choose
    unlisted: true,
    run: chooseOption,
  }),
  defineCommand({
    name: '议题',
    aliases: ['看议题', '议题情况'],
    usage: t.usage.show,
    who: 'staff',
    where: 'office',
    act: t.act.show,
    run: showQuestion,
  }),
  defineCommand({
    name: '议题纪要',
    aliases: ['议事纪要', '会议纪要'],
    usage: t.usage.minutes,
    who: 'staff',
    where: 'office',
    act: t.act.minutes,
    run: postMinutes,
  }),
  defineCommand({
    name: '议题结论',
    aliases: ['议事结论', '公布结论'],
    usage: t.usage.conclude,
    who: 'staff',
    where: 'office',
    act: t.act.conclude,
    run: concludeQuestion,
  }),
  defineCommand({
    name: '居民代表',
    aliases: ['设居民代表', '设置居民代表'],
    usage: t.usage.representative,
    who: 'staff',
    // @-mentioning needs a group where the person is; alone it lists them anywhere
    where: 'anywhere',
    act: t.act.representative,
    run: appointRepresentative,
  }),
]
