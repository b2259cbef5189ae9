// Display formats the inspector expects: dates as 2026年11月23日, money and counts in 万 with two decimals.

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return value.toFixed(2)
}

/** `YYYY-MM-DD` of the local calendar day `offsetDays` from today (deadlines are local days, not UTC). */
export function localDate(offsetDays = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `2026年11月23日 09:30` from a stored local time with offset, as written where it happened (never converted). */
export function formatDateTime(stored: string | null | undefined): string {
  if (!stored) return ''
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(stored)
  return m ? `${formatDate(m[1])} ${m[2]}` : stored
}
