// The profile of this installation, loaded once at start and after setup.
import { ref } from 'vue'
import type { ProfileDto } from '../api/bindings'

export const profile = ref<ProfileDto | null>(null)
