import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CONFIG_VARIABLES, loadConfig } from '../src/config.js'

/** No Docker daemon here: the files are read as Docker would read them, and checked. */
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Record<string, unknown> & { healthcheck?: { test: string[] }; volumes?: string[]; environment?: Record<string, string> }>
  volumes: Record<string, unknown>
}
const composeText = readFileSync('docker-compose.yml', 'utf8')
const dockerfile = readFileSync('Dockerfile', 'utf8')
const envExample = readFileSync('.env.example', 'utf8')

/** `VAR=value` lines of .env.example (a value may be quoted, as dotenv and compose allow) */
const envLines = [...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!.replace(/^"(.*)"$/, '$1')] as const)
const exampleVars = envLines.map(([k]) => k)
/** what docker-compose.yml interpolates itself (not read by the bot) */
const composeVars = [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!)

describe('docker-compose.yml', () => {
  it('builds the bot, reads .env, keeps data and backups in volumes, and waits for a healthy Postgres', () => {
    const { bot, db } = compose.services
    expect(bot).toBeDefined()
    expect(bot!.build).toBe('.')
    expect(bot!.env_file).toBe('.env')
    expect(bot!.volumes).toEqual(expect.arrayContaining(['botdata:/data', 'backups:/backups']))
    expect(bot!.environment).toMatchObject({ GONGJIAN_DATA_DIR: '/data', GONGJIAN_BACKUP_DIR: '/backups' })
    expect(bot!.depends_on).toEqual({ db: { condition: 'service_healthy' } })
    expect(Object.keys(compose.volumes).sort()).toEqual(['backups', 'botdata', 'pgdata'])
    expect(db!.image).toBe('postgres:15')
    expect(db!.volumes).toEqual(['pgdata:/var/lib/postgresql/data'])
    expect(db!.healthcheck!.test.join(' ')).toContain('pg_isready')
    expect(bot!.restart).toBe('unless-stopped')
  })

  it('checks the bot’s health on /healthz at GONGJIAN_HTTP_PORT (default 8080)', () => {
    const test = compose.services.bot!.healthcheck!.test.join(' ')
    expect(test).toContain('http://127.0.0.1:${GONGJIAN_HTTP_PORT:-8080}/healthz')
    expect(compose.services.bot!.ports).toEqual(['127.0.0.1:${GONGJIAN_HTTP_PORT:-8080}:${GONGJIAN_HTTP_PORT:-8080}'])
    expect(loadConfig({}).http.port).toBe(8080)
  })

  it('its database URL default points at its own Postgres with the same password', () => {
    const url = compose.services.bot!.environment!.DATABASE_URL!
    expect(url).toBe('${DATABASE_URL:-postgres://gongjian:${POSTGRES_PASSWORD:-gongjian}@db:5432/gongjian}')
    expect((compose.services.db!.environment as Record<string, string>).POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:-gongjian}')
  })
})

describe('Dockerfile', () => {
  it('is Node 22 LTS, installs at build time, runs as the non-root node user, with a healthcheck', () => {
    expect(dockerfile).toMatch(/^FROM node:22[-\w.]*$/m)
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m)
    expect(dockerfile).toContain('postgresql-client') // pg_dump for the backups
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "src\/main.ts"\]$/m)
    // start runs through tsx: it must be a runtime dependency, or --omit=dev would drop it
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } }
    expect(pkg.dependencies.tsx).toBeDefined()
    // the tests run on Node 20 here; the image is 22: both must satisfy engines
    expect(pkg.engines.node).toBe('>=20.19')
  })
})

describe('README', () => {
  it('has every variable in its table', () => {
    const readme = readFileSync('README.md', 'utf8')
    for (const v of CONFIG_VARIABLES) expect(readme, v).toContain(`| \`${v}\` |`)
  })
})

describe('.env.example', () => {
  it('lists every variable the bot reads, and nothing it does not (apart from compose’s own)', () => {
    const extra = exampleVars.filter((v) => !(CONFIG_VARIABLES as string[]).includes(v))
    expect(extra.every((v) => composeVars.includes(v))).toBe(true)
    expect(extra).toEqual(['POSTGRES_PASSWORD'])
    expect([...CONFIG_VARIABLES].sort()).toEqual(exampleVars.filter((v) => v !== 'POSTGRES_PASSWORD').sort())
    expect(new Set(exampleVars).size).toBe(exampleVars.length)
  })

  it('explains each variable in Chinese and English, right above it', () => {
    const lines = envExample.split('\n')
    for (const v of exampleVars) {
      const at = lines.findIndex((l) => l.startsWith(`${v}=`))
      const comment: string[] = []
      for (let i = at - 1; i >= 0 && lines[i]!.startsWith('# '); i--) comment.unshift(lines[i]!)
      const text = comment.join(' ')
      expect(text, v).toMatch(/[\u4e00-\u9fff]/)
      // English words after the Chinese (two lower-case words in a row at least)
      expect(text, v).toMatch(/[\u4e00-\u9fff].*\b[a-z]{2,} [a-z]{2,}\b/)
    }
  })

  it('is a valid configuration as it stands', () => {
    const env = Object.fromEntries(envLines.filter(([k]) => k !== 'POSTGRES_PASSWORD'))
    expect(() => loadConfig(env)).not.toThrow()
    expect(loadConfig(env)).toEqual(loadConfig({}))
  })
})
