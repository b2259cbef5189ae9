// Element Plus's message and confirm box, as one module that `notify.ts` loads on first use.
export { ElMessage, ElMessageBox } from 'element-plus'
