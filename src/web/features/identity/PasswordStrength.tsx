// Strength hint under a new password: three bars plus the word, announced politely.
import { useTranslation } from 'react-i18next';
import { passwordStrength } from '../../lib/idcheck';

export function PasswordStrength({ password }: { password: string | undefined }) {
  const { t } = useTranslation();
  const strength = passwordStrength(password ?? '');
  const words = ['', t('password.weak'), t('password.medium'), t('password.strong')];
  return (
    <div className="tb-strength" aria-live="polite">
      <span className="tb-strength-bars" aria-hidden>
        {[1, 2, 3].map((n) => <span key={n} className={n <= strength ? `tb-strength-bar tb-strength-${strength}` : 'tb-strength-bar'} />)}
      </span>
      <span>{strength ? t('password.strength', { level: words[strength] }) : t('password.help')}</span>
    </div>
  );
}
