import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'migrations/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // domain/ holds pure rules: no I/O, no timers, the clock is a parameter
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/db/**', '**/chat/**', '**/scheduler/**', '**/outbox/**', 'wechaty*', 'drizzle-orm*', 'postgres', 'node-cron'] }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ takes the clock as a parameter' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain/ takes the clock as a parameter' }],
    },
  },
)
