// Messages and confirm boxes for the start-up path (top bar, dashboard, roster page): Element Plus's, loaded when
// first shown (after a user's action), so their code and styles are not in the first bundle (docs/benchmarks.md).
// Pages that load on demand import `ElMessage` directly.
export function elementMessages() {
  return import('./elementMessages')
}

export async function notifySuccess(text: string) {
  ;(await elementMessages()).ElMessage.success(text)
}

export async function notifyError(text: string) {
  ;(await elementMessages()).ElMessage.error(text)
}
