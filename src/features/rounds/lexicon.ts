/** Words the rounds feature recognises. */

/** guided scoring: leave this project for later */
export const SKIP_SCORE = /^(跳过|不打|skip)$/i

/** 每户3票 said to 开启评议: a council round has no dots, the words are left out */
export const DOTS_CLAUSE = /每(户|人|家)\s*\d+\s*票/
