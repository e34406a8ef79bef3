// Strings of the e-licence pages: the wallet (我的证照 · 卡包), 亮证, the public verification and presentation pages.
// zh and en must have the same keys; the i18n files type-check them.

export const zh = {
  nav: { wallet: '我的证照' },
  wallet: {
    title: '我的证照', intro: '办结事项签发的电子证照都放在您的卡包里。可下载 PDF、亮证，并查看每一次使用记录。',
    empty: '您还没有电子证照。事项办结并选择“电子证照”领取后，证照会出现在这里。', download: '下载 PDF', present: '亮证', uses: '使用记录', verify: '核验真伪',
    holder: '持证人', number: '证照编号', issuer: '颁发机构', issuedOn: '颁发日期', validTo: '有效期至', longTerm: '长期',
    versionLabel: '版本', version: '第 {{version}} 版', listLabel: '电子证照列表',
    summary: '共 {{count}} 个电子证照。', open: '查看我的证照',
    status: { valid: '有效', revoked: '已注销', replaced: '已换发', expired: '已过期' },
  },
  uses: {
    title: '使用记录',
    kind: { issued: '签发', presentation_created: '生成亮证码', presentation_used: '亮证码被查看', verified: '被核验', exchange_read: '部门共享调用', revoked: '注销', replaced: '换发' },
    empty: '暂无记录',
  },
  present: {
    title: '亮证', intro: '选择要出示的信息，生成一次性亮证码。对方扫码或打开链接查看一次后即失效，未选择的信息不会显示。',
    fields: '出示的信息', ttl: '有效时间', seconds: '{{count}} 秒', create: '生成亮证码',
    expiresIn: '{{seconds}} 秒后失效', expired: '亮证码已失效，请重新生成', qrAlt: '亮证二维码，请对方扫码查看', close: '关闭',
    chooseOne: '请至少选择一项信息', showing: '出示：{{fields}}', orLink: '无法扫码时，可将以下链接发给对方：', again: '重新生成',
  },
  verify: {
    title: '电子证照核验', checking: '正在核验…', details: '证照信息',
    verdict: { authentic: '真实有效', revoked: '已注销', replaced: '已换发（请以新版证照为准）', expired: '已过期', tampered: '验证失败：证照内容与签名不符' },
    explain: {
      authentic: '签名验证通过，证照在有效期内，未被注销。',
      revoked: '颁发机构已注销此证照，不能再作为有效证明使用。',
      replaced: '此证照已换发新版，本版不再有效，请持证人出示新版证照。',
      expired: '签名验证通过，但证照已超过有效期。',
      tampered: '证照内容与颁发机构的电子签名不一致，可能被篡改，请勿采信。',
    },
    type: '证照类型', number: '证照编号', holder: '持证主体', issuer: '颁发机构', issuedOn: '颁发日期', validity: '有效期',
    identifier: '电子证照标识', key: '签名密钥', reason: '原因', checkedAt: '核验时间', longTerm: '长期',
    notFound: '未找到该电子证照', notFoundHelp: '请核对二维码或链接是否完整；伪造的证照在本平台查不到。',
  },
  presentation: {
    title: '亮证核验', gone: '此亮证码已使用或已过期', goneHelp: '亮证码只能查看一次，且有效时间很短。请持证人重新亮证。',
    notFound: '亮证码无效', notFoundHelp: '请核对链接是否完整，或请持证人重新亮证。',
    shown: '持证人出示的信息', onlyChosen: '只显示持证人选择出示的信息。',
    presentedAt: '查看时间', issuer: '颁发机构', validTo: '有效期至',
  },
};

export const en: typeof zh = {
  nav: { wallet: 'My licences' },
  wallet: {
    title: 'My licences', intro: 'Licences issued when your cases concluded are kept in your wallet. Download a PDF, present one, and see every use.',
    empty: 'You have no e-licences yet. When a case concludes with the e-licence delivery, its licence appears here.', download: 'Download PDF', present: 'Present', uses: 'Usage log', verify: 'Verify',
    holder: 'Holder', number: 'Licence no.', issuer: 'Issuer', issuedOn: 'Issued on', validTo: 'Valid to', longTerm: 'No expiry',
    versionLabel: 'Version', version: 'Version {{version}}', listLabel: 'E-licences',
    summary: '{{count}} e-licence(s).', open: 'Open my licences',
    status: { valid: 'Valid', revoked: 'Revoked', replaced: 'Replaced', expired: 'Expired' },
  },
  uses: {
    title: 'Usage log',
    kind: { issued: 'Issued', presentation_created: 'Presentation code created', presentation_used: 'Presentation code viewed', verified: 'Verified', exchange_read: 'Read through the data exchange', revoked: 'Revoked', replaced: 'Replaced' },
    empty: 'Nothing yet',
  },
  present: {
    title: 'Present licence', intro: 'Choose what to show and create a one-time code. It stops working once viewed; fields you do not choose are never shown.',
    fields: 'Fields to show', ttl: 'Valid for', seconds: '{{count}} s', create: 'Create code',
    expiresIn: 'Expires in {{seconds}} s', expired: 'The code has expired; create a new one', qrAlt: 'Presentation QR code for the other party to scan', close: 'Close',
    chooseOne: 'Choose at least one field', showing: 'Showing: {{fields}}', orLink: 'If scanning is not possible, send this link:', again: 'Create a new code',
  },
  verify: {
    title: 'E-licence verification', checking: 'Verifying…', details: 'Licence details',
    verdict: { authentic: 'Authentic and valid', revoked: 'Revoked', replaced: 'Replaced (a newer version exists)', expired: 'Expired', tampered: 'Verification failed: content does not match the signature' },
    explain: {
      authentic: 'The signature is valid, the licence is within its validity and has not been revoked.',
      revoked: 'The issuer revoked this licence; it is no longer valid proof.',
      replaced: 'A newer version was issued; this version is no longer valid. Ask the holder for the new one.',
      expired: 'The signature is valid but the licence is past its validity.',
      tampered: 'The content does not match the issuer\'s signature and may have been altered. Do not rely on it.',
    },
    type: 'Type', number: 'Licence no.', holder: 'Holder', issuer: 'Issuer', issuedOn: 'Issued on', validity: 'Validity',
    identifier: 'Identifier', key: 'Signing key', reason: 'Reason', checkedAt: 'Checked at', longTerm: 'No expiry',
    notFound: 'No such licence', notFoundHelp: 'Check that the QR code or link is complete; forged licences are not found here.',
  },
  presentation: {
    title: 'Presented licence', gone: 'This code was used or has expired', goneHelp: 'A presentation code can be viewed once, for a short time. Ask the holder to present again.',
    notFound: 'Invalid code', notFoundHelp: 'Check that the link is complete, or ask the holder to present again.',
    shown: 'What the holder chose to show', onlyChosen: 'Only the fields the holder chose are shown.',
    presentedAt: 'Viewed at', issuer: 'Issuer', validTo: 'Valid to',
  },
};
