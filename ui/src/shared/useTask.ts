// One task the user started (an export, a preview, a save): `busy` while it runs, its error shown in the user's
// language, and undefined returned when it failed, so a caller goes on only after success.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { errorSummary } from './fieldErrors'

export function useTask() {
  const busy = ref(false)
  const { t } = useI18n()
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    try {
      return await task()
    } catch (e) {
      ElMessage.error(errorSummary(e, t))
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
