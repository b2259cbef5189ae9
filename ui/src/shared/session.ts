// The profile of this installation, loaded once at start and after setup.
import { ref } from 'vue'
import type { AppError, ProfileDto } from '../api/bindings'

export const profile = ref<ProfileDto | null>(null)
/** The bureau's legal-basis catalogue was refused at start (documents cannot be issued until it is fixed). */
export const catalogueError = ref<AppError | null>(null)
