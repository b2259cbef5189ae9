import { describe, expect, it } from 'vitest'
import { bundlesIn } from '../bundles'

describe('bundlesIn', () => {
  it.each([
    [['/media/u/a.mcb'], ['/media/u/a.mcb']],
    [['/media/u/B.MCB', '/media/u/photo.jpg', '/media/u/c.mcb'], ['/media/u/B.MCB', '/media/u/c.mcb']],
    [['/media/u/roster.xlsx'], []],
    [['/media/u/a.mcb.part'], []],
    [[], []],
  ])('%j → %j', (dropped, want) => expect(bundlesIn(dropped)).toEqual(want))
})
