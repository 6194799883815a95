/** The households feature's public face: @-mentions, which other features' commands read too. */
export { mentionedPeople } from './mentioned.js'
