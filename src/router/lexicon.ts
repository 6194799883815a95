/** The command words the router itself knows: they steer a dialog rather than start something. */
export const CONTROL = { cancel: '取消', back: '返回', help: '帮助' } as const

/** a photo sent privately, outside any dialog, starts an everyday report with it (随手拍) */
export const PHOTO_STARTS = '随手拍'
