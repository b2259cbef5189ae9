import { call } from './client'
import type { DemoSummary, ProfileDto, ProfileInput, SetupStatus } from './bindings'

export const setupStatus = () => call<SetupStatus>('setup_status')
export const setup = (input: ProfileInput) => call<ProfileDto>('setup', { input })
export const loadDemo = (enterprises: number) => call<DemoSummary>('load_demo', { enterprises })
