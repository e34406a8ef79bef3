// 实名核验 on 个人中心: a level-1 citizen asks for a population-register match (level 2).
import { Alert, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RealNameResult } from '../../../contract/real-name';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { busy } from '../../lib/format';
import { meKey } from '../identity/api';

export function RealNameVerify() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => api.post<RealNameResult>('/api/me/real-name/verify'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  return (
    <div className="tb-gap-top">
      <Button size="small" onClick={() => verify.mutate()} loading={busy(verify.isPending)}>
        {verify.isPending ? t('realName.verifying') : t('realName.verify')}
      </Button>
      <p className="tb-muted tb-small">{t('realName.note')}</p>
      <div role="status">
        {verify.data && (
          <Alert type={verify.data.outcome === 'matched' ? 'success' : 'warning'} showIcon
            title={t(verify.data.outcome === 'matched' ? 'realName.matched' : 'realName.mismatch')} />
        )}
      </div>
      <ProblemAlert error={verify.error} />
    </div>
  );
}
