// The idle lock: after the data directory's minutes without a key, click or touch, the window locks (the database
// closes and its key is forgotten) and shows the unlock screen. Only an encrypted directory locks.
import { onMounted, onUnmounted } from 'vue'
import { lock } from '../../api/session'
import { encryption, locked } from '../../shared/session'

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const

export function useIdleLock() {
  let last = Date.now()
  let timer: number | undefined
  const touch = () => {
    last = Date.now()
  }
  async function check() {
    const minutes = encryption.value?.state === 'encrypted' ? encryption.value.idleLockMinutes : null
    if (!minutes || locked.value) return
    if (Date.now() - last >= minutes * 60_000) {
      const s = await lock()
      encryption.value = s.encryption
      locked.value = s.locked
    }
  }
  onMounted(() => {
    EVENTS.forEach((e) => window.addEventListener(e, touch, { passive: true }))
    timer = window.setInterval(() => void check(), 15_000)
  })
  onUnmounted(() => {
    EVENTS.forEach((e) => window.removeEventListener(e, touch))
    window.clearInterval(timer)
  })
}
