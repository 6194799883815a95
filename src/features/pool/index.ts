/** The pool feature's public face: nothing other features need yet (its commands are wired in features/index.ts). */
export {}
