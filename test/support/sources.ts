import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const SRC = resolve(import.meta.dirname, '../../src')

/** Every TypeScript file under src/, as a path relative to src/ ('features/notices/text.ts'). */
export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return e.name.endsWith('.ts') ? [relative(SRC, full)] : []
  })
}

export function parseSource(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true)
}

const HAN = /\p{Script=Han}/u

/** Files where the bot's words and the words it recognises are written. */
export const isWordsFile = (file: string): boolean => /(^|\/)(text|lexicon)\.ts$|\.text\.ts$/.test(file)

/** The name and aliases of a command are the words it is said with: they stay with its declaration. */
function isCommandWord(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && ['name', 'aliases'].includes(n.name.getText())) {
      const call = n.parent?.parent
      return Boolean(call && ts.isCallExpression(call) && call.expression.getText() === 'defineCommand')
    }
    if (ts.isCallExpression(n) || ts.isFunctionLike(n)) return false
  }
  return false
}

/** Chinese in string and template literals (comments and regular expressions aside). */
export function chineseLiterals(file: string): { line: number; text: string }[] {
  const source = parseSource(file)
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) &&
      HAN.test(node.text) &&
      !isCommandWord(node)
    ) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The src/ files a file imports (relative imports only), `import type` included. */
export function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const source = parseSource(file)
  const out: { target: string; typeOnly: boolean }[] = []
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue
    const spec = (statement.moduleSpecifier as ts.StringLiteral).text
    if (!spec.startsWith('.')) continue
    const typeOnly = ts.isImportDeclaration(statement) ? Boolean(statement.importClause?.isTypeOnly) : statement.isTypeOnly
    out.push({ target: relative(SRC, resolve(SRC, dirname(file), spec)).replace(/\.js$/, '.ts'), typeOnly })
  }
  return out
}
