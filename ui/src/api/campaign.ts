import { call } from './client'
import type { DrawRequest, TaskStatusInput } from './bindings'

export const campaignBoard = (unit: string | null) => call('campaign_board', { unit })
export const setTaskStatus = (input: TaskStatusInput) => call('campaign_set', { input })
export const previewDraw = (request: DrawRequest) => call('spot_draw_preview', { request })
export const commitDraw = (request: DrawRequest) => call('spot_draw_commit', { request })
export const spotPlans = () => call('spot_plans')
export const verifyDraw = (planId: string) => call('spot_verify', { planId })
