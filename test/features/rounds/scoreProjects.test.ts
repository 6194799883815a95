import { describe, expect, it } from 'vitest'
import { scoringDialog } from '../../../src/features/rounds/scoreProjects.js'

describe('the guided scoring dialog', () => {
  it('reads a state stored before the engine: the step is the project number, the state the round', () => {
    expect(scoringDialog.restore({ version: 1, step: '3', state: { roundId: 7 } })).toEqual({ step: 'score', state: { roundId: 7, project: 3 } })
    expect(scoringDialog.restore({ version: 1, step: '3', state: { roundId: 7, project: 3 } })).toEqual({ step: 'score', state: { roundId: 7, project: 3 } })
  })

  it('drops what it cannot read', () => {
    expect(scoringDialog.restore({ version: 1, step: 'score', state: { roundId: 7 } })).toBeNull()
    expect(scoringDialog.restore({ version: 1, step: '3', state: {} })).toBeNull()
    expect(scoringDialog.restore({ version: 2, step: '3', state: { roundId: 7 } })).toBeNull()
  })
})
