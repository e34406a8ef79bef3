// Strings of the application-form renderer (SchemaForm) and its widgets.
export const zh = {
  verified: '已核验',
  verifiedHelp: '已核验的信息（来源见字段说明），不可修改',
  regionPlaceholder: '请选择行政区划',
  regionLoadFailed: '行政区划加载失败，请稍后重试',
  yes: '是',
  no: '否',
  loading: '正在加载表单…',
};

export const en: typeof zh = {
  verified: 'Verified',
  verifiedHelp: 'Verified information (see the field\'s note for its source); cannot be changed',
  regionPlaceholder: 'Choose a region',
  regionLoadFailed: 'Regions could not be loaded; try again later',
  yes: 'Yes',
  no: 'No',
  loading: 'Loading the form…',
};
