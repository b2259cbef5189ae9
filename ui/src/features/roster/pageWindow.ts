// The page numbers a pager shows: the first and last page and two either side of the current one, each gap as null
// (drawn "…").
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = []
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p)
    else if (out[out.length - 1] !== null) out.push(null)
  }
  return out
}

// How many pages `total` rows make at `size` a page (one page when there is nothing to show).
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size))
}
