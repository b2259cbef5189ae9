import { call } from './client'
import type { EnterpriseInput, EnterpriseQuery, LicenceInput, ProductInput } from './bindings'

export const dashboard = () => call('dashboard')
export const listEnterprises = (query: EnterpriseQuery) => call('enterprise_list', { query })
export const counties = () => call('enterprise_counties')
export const enterpriseDetail = (id: string) => call('enterprise_detail', { id })
export const createEnterprise = (input: EnterpriseInput) => call('enterprise_create', { input })
export const updateEnterprise = (id: string, input: EnterpriseInput) =>
  call('enterprise_update', { id, input })
export const voidEnterprise = (id: string, reason: string) => call('enterprise_void', { id, reason })
export const saveLicence = (enterpriseId: string, id: string | null, input: LicenceInput) =>
  call('licence_save', { enterpriseId, id, input })
export const voidLicence = (id: string, reason: string) => call('licence_void', { id, reason })
export const saveProduct = (enterpriseId: string, id: string | null, input: ProductInput) =>
  call('product_save', { enterpriseId, id, input })
export const voidProduct = (id: string, reason: string) => call('product_void', { id, reason })
