import { call } from './client'
import type { ProfileDto, ProfileInput, SetupStatus } from './bindings'

export const setupStatus = () => call<SetupStatus>('setup_status')
export const setup = (input: ProfileInput) => call<ProfileDto>('setup', { input })
