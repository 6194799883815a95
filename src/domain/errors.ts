/** The one application error. `message` is the short Chinese sentence a user is shown. */
export type AppErrorCode =
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'WRONG_ROOM'
  | 'CONFLICT'
  | 'CONFIG'
  | 'PLATFORM'

export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message)
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
