import { projectCode } from '../../domain/codes.js'
import { suggestionCode } from '../../domain/suggestions/code.js'

const EXAMPLE = '例如「合并 J3 J7 为 3号楼路灯维修」，或加入已有项目「合并 J12 到 P3」。'
const UNDO = '说「撤销」可以撤回这一步。'

/** J3、J7 */
const codes = (ids: number[]) => ids.map(suggestionCode).join('、')

/** What the bot says while staff build the project pool (合并, 拆分, 改名, 撤销). */
export const poolText = {
  noProject: (id: number) => `没有项目 ${projectCode(id)}。`,
  nameTooLong: (max: number) => `项目名称请短一些（${max} 字以内）。`,
  merge: {
    needCodes: `请写要合并的建议编号，${EXAMPLE}`,
    oneProject: `一次只能并入一个项目，${EXAMPLE}`,
    needName: `请给项目起个名字，${EXAMPLE}`,
    noSuggestions: (ids: number[]) => `没有建议 ${codes(ids)}。`,
    withdrawn: (ids: number[]) => `${codes(ids)} 已被撤回，不能合并。`,
    elsewhere: (found: { id: number; projectId: number }[]) => `${found.map((s) => `${suggestionCode(s.id)} 在 ${projectCode(s.projectId)}`).join('、')}，请先「拆分」出来。`,
    alreadyIn: (projectId: number) => `这些建议已经在 ${projectCode(projectId)} 里了。`,
    added: (ids: number[], project: { id: number; name: string }) => `已把 ${codes(ids)} 并入 ${projectCode(project.id)}「${project.name}」。${UNDO}`,
    created: (ids: number[], project: { id: number; name: string }) =>
      `已建项目 ${projectCode(project.id)}「${project.name}」，含 ${codes(ids)}。提建议的居民说「我的建议」就能看到。${UNDO}`,
  },
  split: {
    usage: '请写项目和建议编号，例如「拆分 P3 J7」。',
    notIn: (ids: number[], projectId: number) => `${codes(ids)} 不在 ${projectCode(projectId)} 里。`,
    done: (ids: number[], project: { id: number; name: string }) => `已从 ${projectCode(project.id)}「${project.name}」拆出 ${codes(ids)}，它们回到待汇总。${UNDO}`,
  },
  rename: {
    usage: '请写项目编号和新名称，例如「改名 P3 3号楼照明改造」。',
    done: (project: { id: number; name: string }, name: string) => `${projectCode(project.id)} 已改名：「${project.name}」→「${name}」。`,
  },
  undo: {
    nothing: '没有可以撤销的合并、拆分或改名。',
    movedSince: (ids: number[]) => `${codes(ids)} 后来又动过，不能撤销这一步了。`,
    done: (e: { kind: string; ids: number[]; projectId: number; oldName: string | null }) => {
      const p = projectCode(e.projectId)
      const what =
        e.kind === 'create' || e.kind === 'add' ? `${codes(e.ids)} 不再属于 ${p}` : e.kind === 'remove' ? `${codes(e.ids)} 回到 ${p}` : `${p} 改回「${e.oldName}」`
      return `已撤销：${what}。`
    },
  },
}

/** The commands' words in 帮助 and in refusals. */
export const commandText = {
  usage: {
    merge: '合并 J3 J7 为 3号楼路灯维修 — 建项目（或「合并 J12 到 P3」）',
    split: '拆分 P3 J7 — 从项目里拆出建议',
    rename: '改名 P3 新名称 — 项目改名',
    undo: '撤销 — 撤回上一次合并、拆分或改名',
    history: '项目历史 P3 — 项目的每次改动',
  },
  act: {
    merge: '合并建议',
    split: '拆分项目',
    rename: '给项目改名',
    undo: '撤销项目的改动',
    history: '查看项目历史',
  },
}
