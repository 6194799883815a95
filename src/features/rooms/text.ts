/** What the bot says when it cannot tell people apart after a re-login. */

const ROLE_NOTE: Record<string, string> = { building_head: '楼组长', council: '议事员', liaison: '联络员' }

export const roomsText = {
  /** to the group: the namesakes are asked to register again */
  heldGroup: (names: string[]) =>
    `重新登录后，本群有不止一位叫「${names.join('」「')}」的成员，我分不清谁是之前登记过的那位，所以先都不认。` +
    `请本人 @我 重新「登记 楼号 门牌」，由楼组长确认。`,
  /** one person on hold, with the role that waits to be given again */
  heldRole: (name: string, role: string) => (ROLE_NOTE[role] ? `${name}（${ROLE_NOTE[role]}）` : name),
  /** to the staff group: which roles and registrations wait */
  heldStaff: (p: { topic: string; who: string[]; hadHead: boolean }) =>
    `重新登录后，「${p.topic}」里有同名的人，无法确认谁是原来的 ${p.who.join('、')}，这些身份和登记已暂停。` +
    (p.hadHead ? '请在群里重新指定楼组长（楼组长 @某某）。' : '请让本人重新登记。'),
}
