import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

/** Debian's chromium (`apt-get install chromium`); without it this file is skipped. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)

describe.skipIf(!HAVE_CHROMIUM)('the login page in headless Chromium', () => {
  let world: World
  let browser: BrowserContext
  let profile: string

  beforeAll(async () => {
    world = new World(await testDatabase(), undefined, { http: { host: '127.0.0.1', port: 'any' } })
    world.group('居委工作群', ['王主任'])
    await world.start({ login: false })
    profile = mkdtempSync(join(tmpdir(), 'gj-chromium-'))
    // a fresh profile of its own (--user-data-dir), nothing fetched in the background
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await world?.stop()
    await world?.db.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('renders the QR code as an image, then 已登录 after login', async () => {
    world.scan('https://login.weixin.qq.com/l/browser-test')
    const page = await browser.newPage()
    const url = `${world.app.statusUrl()}/login`
    await eventually(async () => {
      await page.goto(url)
      expect(await page.locator('img#qr').count()).toBe(1)
    })
    // the browser decoded the PNG: it has its real size, not a broken-image placeholder
    type Img = { naturalWidth: number; naturalHeight: number; complete: boolean }
    const size = await page.locator('img#qr').evaluate((el) => {
      const img = el as unknown as Img
      return { w: img.naturalWidth, h: img.naturalHeight, done: img.complete }
    })
    expect(size.done).toBe(true)
    expect(size.w).toBeGreaterThan(100)
    expect(size.h).toBe(size.w)
    expect(await page.locator('h1').textContent()).toBe('请扫码登录')
    await world.login()
    await page.goto(url)
    expect(await page.locator('h1').textContent()).toBe('已登录')
    expect(await page.locator('img').count()).toBe(0)
  }, 60_000)
})
