/** Words the households feature recognises. */

/** 绑定 议事会 / 绑定 议事员: the council's group, not a building */
export const COUNCIL_GROUP = /^议事(会|员)/
