/** What other features use of the council. */
export { bindCouncil } from './bindCouncil.js'
