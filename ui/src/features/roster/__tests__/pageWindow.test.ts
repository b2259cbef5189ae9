import { describe, expect, it } from 'vitest'
import { pageCount, pageWindow } from '../pageWindow'

describe('pageWindow', () => {
  const cases: [number, number, (number | null)[]][] = [
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 7, [1, 2, 3, null, 7]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [5, 10, [1, null, 3, 4, 5, 6, 7, null, 10]],
    [10, 10, [1, null, 8, 9, 10]],
    [1000, 2000, [1, null, 998, 999, 1000, 1001, 1002, null, 2000]],
  ]
  it.each(cases)('page %i of %i', (page, pages, want) => {
    expect(pageWindow(page, pages)).toEqual(want)
  })
})

describe('pageCount', () => {
  const cases: [number, number, number][] = [
    [0, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
    [100000, 200, 500],
  ]
  it.each(cases)('%i rows at %i a page', (total, size, want) => {
    expect(pageCount(total, size)).toBe(want)
  })
})
