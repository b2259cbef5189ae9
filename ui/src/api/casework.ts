import { call } from './client'
import type { CaseInput, FailedChain, SampleInput, SampleResultInput } from './bindings'

export const sampleDefaults = (enterpriseId: string, inspectionId: string | null = null) =>
  call('sample_defaults', { enterpriseId, inspectionId })
export const createSample = (input: SampleInput) => call('sample_create', { input })
export const recordSampleResult = (id: string, result: SampleResultInput) => call('sample_result', { id, result })
export const listSamples = (enterpriseId: string | null = null) => call('sample_list', { enterpriseId })
export const saveCase = (id: string | null, input: CaseInput) => call('case_save', { id, input })
export const listCases = () => call('case_list')
export const maskStandards = () => call('mask_standards')
export const testItems = (standard: string, grade: string | null) => call('test_items', { standard, grade })
export const caseFromSample = (sampleId: string) => call('case_from_sample', { sampleId })
export const newCase = () => call('case_new')
export const caseFromRectification = (rectificationId: string) => call('case_from_rectification', { rectificationId })
export const publicityList = (pendingOnly: boolean) => call('case_publicity_list', { pendingOnly })
export const exportPublicity = (path: string, pendingOnly: boolean) => call('case_publicity_export', { path, pendingOnly })
export const saveChain = (id: string, chain: FailedChain) => call('sample_chain_save', { id, chain })
export const chainFollowups = () => call('chain_followups')
export const ledgerPreview = (id: string, path: string) => call('sample_ledger_preview', { id, path })
