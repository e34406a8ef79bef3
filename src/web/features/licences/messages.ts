// Strings of the e-licence pages: the wallet (卡包), 亮证, the public verification and presentation pages.
// zh and en must have the same keys; the i18n files type-check them.

export const zh = {
  wallet: {
    title: '我的卡包', intro: '办结的事项签发的电子证照都在这里。可下载 PDF、亮证，并查看每一次使用记录。',
    empty: '您还没有电子证照', download: '下载 PDF', present: '亮证', uses: '使用记录', verify: '核验',
    number: '证照编号', issuer: '颁发机构', issuedOn: '颁发日期', validTo: '有效期至', longTerm: '长期', version: '第 {{version}} 版',
    status: { valid: '有效', revoked: '已注销', replaced: '已换发', expired: '已过期' },
  },
  uses: {
    title: '使用记录',
    kind: { issued: '签发', presentation_created: '生成亮证码', presentation_used: '亮证码被查看', verified: '被核验', exchange_read: '部门共享调用', revoked: '注销', replaced: '换发' },
    empty: '暂无记录',
  },
  present: {
    title: '亮证', intro: '选择要出示的信息，生成一次性亮证码。对方扫码后即失效。',
    fields: '出示的信息', ttl: '有效时间', seconds: '{{count}} 秒', create: '生成亮证码',
    expiresIn: '{{seconds}} 秒后失效', expired: '亮证码已失效，请重新生成', qrAlt: '亮证二维码', close: '关闭',
    chooseOne: '请至少选择一项信息',
  },
  verify: {
    title: '电子证照核验', checking: '正在核验…',
    verdict: { authentic: '真实有效', revoked: '已注销', replaced: '已换发（请以新版证照为准）', expired: '已过期', tampered: '验证失败：证照内容与签名不符' },
    type: '证照类型', number: '证照编号', holder: '持证主体', issuer: '颁发机构', issuedOn: '颁发日期', validity: '有效期',
    identifier: '电子证照标识', key: '签名密钥', reason: '原因', checkedAt: '核验时间', longTerm: '长期',
  },
  presentation: {
    title: '亮证核验', gone: '亮证码已使用或已过期，请持证人重新亮证', notFound: '亮证码无效',
    presentedAt: '查看时间', issuer: '颁发机构', validTo: '有效期至',
  },
};

export const en: typeof zh = {
  wallet: {
    title: 'My wallet', intro: 'Licences issued when your cases concluded. Download a PDF, present one, and see every use.',
    empty: 'You have no e-licences yet', download: 'Download PDF', present: 'Present', uses: 'Usage log', verify: 'Verify',
    number: 'Licence no.', issuer: 'Issuer', issuedOn: 'Issued on', validTo: 'Valid to', longTerm: 'No expiry', version: 'Version {{version}}',
    status: { valid: 'Valid', revoked: 'Revoked', replaced: 'Replaced', expired: 'Expired' },
  },
  uses: {
    title: 'Usage log',
    kind: { issued: 'Issued', presentation_created: 'Presentation code created', presentation_used: 'Presentation code viewed', verified: 'Verified', exchange_read: 'Read through the data exchange', revoked: 'Revoked', replaced: 'Replaced' },
    empty: 'Nothing yet',
  },
  present: {
    title: 'Present licence', intro: 'Choose what to show and create a one-time code. It stops working once scanned.',
    fields: 'Fields to show', ttl: 'Valid for', seconds: '{{count}} s', create: 'Create code',
    expiresIn: 'Expires in {{seconds}} s', expired: 'The code has expired; create a new one', qrAlt: 'Presentation QR code', close: 'Close',
    chooseOne: 'Choose at least one field',
  },
  verify: {
    title: 'E-licence verification', checking: 'Verifying…',
    verdict: { authentic: 'Authentic and valid', revoked: 'Revoked', replaced: 'Replaced (a newer version exists)', expired: 'Expired', tampered: 'Verification failed: content does not match the signature' },
    type: 'Type', number: 'Licence no.', holder: 'Holder', issuer: 'Issuer', issuedOn: 'Issued on', validity: 'Validity',
    identifier: 'Identifier', key: 'Signing key', reason: 'Reason', checkedAt: 'Checked at', longTerm: 'No expiry',
  },
  presentation: {
    title: 'Presented licence', gone: 'This code was used or has expired; ask the holder for a new one', notFound: 'Invalid code',
    presentedAt: 'Viewed at', issuer: 'Issuer', validTo: 'Valid to',
  },
};
