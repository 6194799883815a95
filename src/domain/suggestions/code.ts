/** J12: a suggestion's id as people see and type it (projects are P3, domain/codes.ts). */
export const suggestionCode = (id: number): string => `J${id}`
