/** What the understanding layer says: confirm questions, small talk, lines for messages it cannot read. */
import { clip } from '../../domain/text.js'

/** `您是想「登记」吗？回复「是」` — a guess that would change something is asked first. */
export const askGuess = (name: string, args: string): string => `您是想「${args ? `${name} ${clip(args.replace(/\s+/g, ' '), 20)}` : name}」吗？回复「是」`

export const guessText = {
  declined: '好的，没有办。您可以换个说法，或发「帮助」看看我能做什么。',
}

export const smallTalkText: Record<'hello' | 'thanks' | 'ok', string> = {
  hello: '您好！发「帮助」看看我能做什么。',
  thanks: '不客气！有事随时找我，发「帮助」看看我能做什么。',
  ok: '好的。需要时发「帮助」看看我能做什么。',
}

/** A quote of a round that is over, while another one is open. */
export const quotedRoundEnded = (quoted: string, open: string): string => `您引用的投票 ${quoted} 已经结束了；现在进行中的是 ${open}，说「投票」可以看看。`

export type LineType =
  | 'voice' | 'video' | 'location' | 'link' | 'mini-program' | 'file' | 'sticker' | 'contact' | 'chat-history' | 'money' | 'image' | 'other'

/** Said outside a dialog to a message the bot cannot read: what it can do instead. */
export function typeLine(type: LineType, p: { place?: string } = {}): string {
  switch (type) {
    case 'voice':
      return '抱歉，我还听不懂语音。想用语音反映问题，请先说「建议」再发语音（会转给楼组长和居委听）；也可以打字告诉我。'
    case 'video':
      return '视频我还看不了。想反映问题请说「建议」，可以附上照片。'
    case 'location':
      return p.place ? `收到位置「${clip(p.place, 20)}」。想反映这里的问题，请说「建议」。` : '收到位置。想反映这里的问题，请说「建议」。'
    case 'link':
      return '链接我还打不开。有事请直接打字告诉我，发「帮助」看看我能做什么。'
    case 'mini-program':
      return '小程序我还打不开。有事请直接打字告诉我，发「帮助」看看我能做什么。'
    case 'file':
      return '文件我还看不了。有事请直接打字告诉我，照片可以在提建议时发给我。'
    case 'sticker':
      return '收到😊 有事请打字告诉我，发「帮助」看看我能做什么。'
    case 'contact':
      return '名片我用不上。有事请打字告诉我，发「帮助」看看我能做什么。'
    case 'chat-history':
      return '聊天记录我还看不了。有事请直接打字告诉我。'
    case 'money':
      return '谢谢您的好意，我不能收红包或转账。'
    case 'image':
      return '收到照片。想反映问题，请先说「建议」，我会请您附上照片。'
    case 'other':
      return '这种消息我还看不懂。请打字告诉我，发「帮助」看看我能做什么。'
  }
}

/** Said inside a dialog (before its question again): the answer has to be typed. */
export function typeInDialog(type: LineType): string {
  const what: Record<LineType, string> = {
    voice: '抱歉，我还听不懂语音',
    video: '视频我还看不了',
    location: '位置我这一步用不上',
    link: '链接我还打不开',
    'mini-program': '小程序我还打不开',
    file: '文件我还看不了',
    sticker: '收到表情',
    contact: '名片我用不上',
    'chat-history': '聊天记录我还看不了',
    money: '我不能收红包或转账',
    image: '这一步不用照片',
    other: '这种消息我还看不懂',
  }
  return `${what[type]}，请打字回答。\n`
}

/** A location pin taken as a place. */
export const pinText = {
  /** a pin with neither a name nor an address */
  unnamed: '地图上的位置',
  kept: (place: string) => `地点记为「${place.length > 20 ? `${[...place].slice(0, 20).join('')}…` : place}」。`,
}

/** For a dialog that cannot repeat its question: point at the one above. */
export const typeInOldDialog = (type: LineType): string => `${typeInDialog(type).trimEnd().replace(/。$/, '')}上面的问题。`

/** The friendly hint for anything not understood (`shown`: what was said, shortened). */
export const unknownText = (shown: string, suggestion?: string): string =>
  suggestion ? `没看懂「${shown}」。您是想用「${suggestion}」吗？发「帮助」可看全部用法。` : `没看懂「${shown}」。发「帮助」看看我能做什么。`
