export { roundCode } from '../domain/codes.js'
