// Coded errors of uploads and stored files, collected by the platform registry.
import { defineErrors } from '../../platform/errors.js';

export const FileErrors = defineErrors({
  // another account's file is reported the same way as one that does not exist
  FILE_NOT_FOUND: { status: 404, zh: '未找到该文件', en: 'No such file' },
  FILE_ATTACHED: { status: 409, zh: '该文件已随办件提交，不能删除', en: 'The file belongs to a submitted case and cannot be deleted' },
  UPLOAD_FILE_MISSING: { status: 400, zh: '请选择要上传的文件', en: 'The request carries no file (form field "file")' },
  UPLOAD_TOO_LARGE: { status: 413, zh: '文件超过大小上限', en: 'The file exceeds the size limit' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, zh: '仅支持 PDF、JPG、PNG、OFD 格式的文件', en: 'Only PDF, JPG, PNG and OFD files are accepted' },
  UPLOAD_EMPTY: { status: 422, zh: '文件内容为空', en: 'The file is empty' },
});
