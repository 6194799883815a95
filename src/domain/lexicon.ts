/** Words the pure rules recognise in anyone's text. */

/**
 * A number that may be a door (or a phone): three digits or more, not a building, a year, money
 * or a measure. Shown as *** wherever a group can read it.
 */
export const DOOR_NUMBER = /(?<![\d.])\d{3,}(?![\d.]|\s*(?:号楼|栋|幢|座|#|年|元|块|米|平|分|%|月|日|天|小时|斤|公斤|吨|个|辆|人))/g
