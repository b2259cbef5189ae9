// A page's list: fetched when the page mounts and again on demand; a failure is said, not thrown.
import { onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { errorSummary } from './fieldErrors'

export function useList<T>(fetch: () => Promise<T[]>) {
  const { t } = useI18n()
  const items = ref([]) as Ref<T[]>
  // False until the first answer: an empty state is shown only once the list is known to be empty.
  const loaded = ref(false)

  async function load() {
    try {
      items.value = await fetch()
    } catch (e) {
      ElMessage.error(errorSummary(e, t))
    } finally {
      loaded.value = true
    }
  }
  onMounted(load)

  return { items, loaded, load }
}
