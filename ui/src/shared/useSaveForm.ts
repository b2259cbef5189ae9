// The save cycle every form shares: clear errors, call, map field errors to their fields, keep the rest general.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AppError, Field } from '../api/bindings'
import { errorSummary, fieldErrors } from './fieldErrors'

export function useSaveForm() {
  const { t } = useI18n()
  const errors = ref<Partial<Record<Field, string>>>({})
  const general = ref('')
  const saving = ref(false)

  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    saving.value = true
    errors.value = {}
    general.value = ''
    try {
      return await action()
    } catch (e) {
      const err = e as AppError
      errors.value = fieldErrors(err, t)
      general.value = err.fields.length > 0 ? t('roster.fixErrors') : errorSummary(err, t)
      return null
    } finally {
      saving.value = false
    }
  }

  return { errors, general, saving, run }
}
