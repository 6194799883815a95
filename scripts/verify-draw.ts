/**
 * Anyone can re-check a council draw: `npm run verify-draw -- 抽签结果.json`.
 * Recomputes both hashes, every panel's quotas, the seed, the chosen panel and the alternates.
 */
import { readFileSync } from 'node:fs'
import { verifyDraw } from '../src/domain/sortition/draw.js'

const path = process.argv[2]
if (!path) {
  console.log('用法：npm run verify-draw -- <抽签文件.json>（重新计算名单哈希、随机种子和抽中的名单，核对是否与公布的一致）')
  process.exit(2)
}
let text: string
try {
  text = readFileSync(path, 'utf8')
} catch {
  console.log(`读不到文件「${path}」，请检查路径。`)
  process.exit(1)
}
let data: unknown
try {
  data = JSON.parse(text)
} catch {
  console.log(`「${path}」不是有效的 JSON 文件。`)
  process.exit(1)
}
const result = verifyDraw(data)
if (result.ok) {
  console.log(result.message)
  process.exit(0)
}
console.log('不一致：')
for (const d of result.differences) console.log(`· ${d}`)
process.exit(1)
