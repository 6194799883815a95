import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { placeOfPin } from '../../../src/domain/suggestions/pin.js'

describe('a location pin read as a place', () => {
  test('the building its name (or else its address) says; the name as shown', () => {
    expect(placeOfPin({ name: '幸福里小区3号楼', latitude: 31.2, longitude: 121.4 }, 30)).toMatchObject({ place: '幸福里小区3号楼', building: 3, latitude: 31.2, longitude: 121.4 })
    expect(placeOfPin({ name: '好邻居便利店', address: '幸福里小区5栋底商' }, 30)).toMatchObject({ place: '好邻居便利店', building: 5 })
    expect(placeOfPin({ name: '小区东门' }, 30).building).toBeUndefined()
    expect(placeOfPin({ name: '', address: '幸福路88号' }, 30).place).toBe('幸福路88号')
    expect(placeOfPin({ name: '' }, 30).place).toBeNull()
  })

  test('coordinates only when both are real and in range (0,0 is a puppet with none); rounded to 6 places', () => {
    expect(placeOfPin({ name: 'x', latitude: 31.23041666, longitude: 121.47370111 }, 30)).toMatchObject({ latitude: 31.230417, longitude: 121.473701 })
    for (const [latitude, longitude] of [[0, 0], [91, 10], [10, 181], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY]] as const) {
      expect(placeOfPin({ name: 'x', latitude, longitude }, 30)).toMatchObject({ latitude: null, longitude: null })
    }
    expect(placeOfPin({ name: 'x', latitude: 31 }, 30)).toMatchObject({ latitude: null, longitude: null })
  })

  test('never throws, whatever a puppet sends; the place is never longer than asked', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.double()), fc.option(fc.double()), (name, address, latitude, longitude) => {
        const r = placeOfPin({ name, ...(address !== null ? { address } : {}), ...(latitude !== null ? { latitude } : {}), ...(longitude !== null ? { longitude } : {}) }, 30)
        return (r.place === null || [...r.place].length <= 31) && (r.latitude === null) === (r.longitude === null)
      }),
      { numRuns: 500 },
    )
  })
})
