// What identity tells people about their accounts and enterprises (站内信, and SMS/email for
// security events), in Chinese and English. Texts never carry an ID number or a mobile number.
import type { Notice } from '../notifications/index.js';
import type { Relation } from './enterprise-repo.js';

/** 'YYYY-MM-DD HH:mm' in Beijing time (UTC+8 all year: China has had no summer time since 1991). */
export const beijingTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const RELATION = {
  legal_representative: { zh: '法定代表人', en: 'legal representative' },
  agent: { zh: '经办人', en: 'agent' },
} satisfies Record<Relation, { zh: string; en: string }>;

export function passwordChanged(accountId: string, at: Date): Notice {
  const time = beijingTime(at);
  return {
    accountId, kind: 'account.password_changed', link: '/me', email: true,
    title: { zh: '密码已修改', en: 'Your password was changed' },
    body: {
      zh: `您的账号密码已于 ${time} 修改，其他设备上的登录已退出。如非本人操作，请立即拨打 12345 政务服务便民热线或联系平台运营人员。`,
      en: `The password of your account was changed at ${time} (Beijing time) and your other sessions were ended. If this was not you, call the 12345 government service hotline or contact the platform operator at once.`,
    },
    sms: `您的密码已修改（${time}），其他设备上的登录已退出。如非本人操作，请立即拨打12345政务服务便民热线。`,
  };
}

export function accountLocked(accountId: string, failures: number, until: Date, windowMinutes: number): Notice {
  const time = beijingTime(until);
  return {
    accountId, kind: 'account.locked', link: '/me', email: true,
    title: { zh: '账号已临时锁定', en: 'Your account is locked for a while' },
    body: {
      zh: `您的账号在 ${windowMinutes} 分钟内连续 ${failures} 次登录失败，已临时锁定至 ${time}。如非本人操作，建议届时登录后修改密码；如需提前解锁，请联系平台运营人员。`,
      en: `There were ${failures} failed logins to your account within ${windowMinutes} minutes, so it is locked until ${time} (Beijing time). If this was not you, log in afterwards and change your password; the platform operator can unlock it sooner.`,
    },
    sms: `您的账号因连续${failures}次登录失败已临时锁定至${time}。如非本人操作，请届时登录并修改密码。`,
  };
}

export function agentAdded(accountId: string, enterprise: { name: string }, relation: Relation): Notice {
  const role = RELATION[relation];
  return {
    accountId, kind: 'enterprise.agent_added', link: '/me',
    title: { zh: '您已获得企业办事授权', en: 'You can now act for an enterprise' },
    body: {
      zh: `您已被添加为“${enterprise.name}”的${role.zh}，可以代表该企业在本平台办理业务。如有疑问，请联系该企业。`,
      en: `You were added as ${role.en} of “${enterprise.name}” and can now use the platform's services on its behalf. If you did not expect this, contact the enterprise.`,
    },
  };
}

export function enterpriseRegistered(accountId: string, enterprise: { name: string }, relation: Relation): Notice {
  const role = RELATION[relation];
  return {
    accountId, kind: 'enterprise.registered', link: '/me',
    title: { zh: '企业注册成功', en: 'Enterprise registered' },
    body: {
      zh: `企业“${enterprise.name}”已在本平台注册，您已登记为该企业的${role.zh}。您可以在个人中心为企业添加或移除经办人。`,
      en: `“${enterprise.name}” is now registered on the platform, with you as its ${role.en}. You can add or remove its agents under My account.`,
    },
  };
}
