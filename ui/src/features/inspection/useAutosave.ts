// Autosave of an inspection draft: every change is saved shortly after it is made (a crash or power cut loses at
// most the last 300 ms), saves never overlap, and the findings the backend re-proposes are merged back without
// touching what the inspector is typing.
import { ref, watch, type Ref } from 'vue'
import { saveInspection } from '../../api/inspection'
import type { InspectionDto } from '../../api/bindings'
import { errorSummary } from '../../shared/fieldErrors'
import { i18n } from '../../i18n'

export function useAutosave(dto: Ref<InspectionDto | null>) {
  const state = ref<'idle' | 'saving' | 'saved' | 'failed'>('idle')
  const savedAt = ref('')
  const error = ref('')
  let lastSaved = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null

  function snapshot(): string {
    return dto.value ? JSON.stringify(dto.value.draft) : ''
  }

  async function flush(): Promise<void> {
    if (running) await running
    const current = dto.value
    if (!current || current.finished) return
    const body = snapshot()
    if (body === lastSaved) return
    state.value = 'saving'
    running = (async () => {
      try {
        const saved = await saveInspection(current.id, JSON.parse(body))
        lastSaved = body
        // Only the findings and the licences' expiry come back changed; apply them if nothing was typed meanwhile.
        if (dto.value && snapshot() === body) {
          dto.value.draft.findings = saved.findings
          dto.value.draft.licences.forEach((l, i) => (l.expired = saved.licences[i]?.expired ?? l.expired))
          lastSaved = snapshot()
        }
        state.value = 'saved'
        savedAt.value = new Date().toLocaleTimeString('zh-CN', { hour12: false })
      } catch (e) {
        state.value = 'failed'
        error.value = errorSummary(e, i18n.global.t)
      } finally {
        running = null
      }
    })()
    await running
    if (snapshot() !== lastSaved) schedule()
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), 300)
  }

  function reset() {
    lastSaved = snapshot()
  }

  watch(() => (dto.value ? JSON.stringify(dto.value.draft) : ''), (now) => now !== lastSaved && schedule())

  return { state, savedAt, error, flush, reset }
}
