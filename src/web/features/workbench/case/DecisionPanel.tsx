// 办理: for each of the caller's own open tasks on the case — claim/release, then 通过 / 不予许可 /
// 退回补正 (review) or 核查属实 / 承诺不实 (post-check), each confirmed before it is sent.
import { Alert, App, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionBody, InboxTask } from '../../../../contract/applications';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isApiError } from '../../../lib/api';
import { applyApiError } from '../../../lib/formErrors';
import { busy } from '../../../lib/format';
import { useClaim, useDecide, usePostCheck, useRelease } from '../api';

type Option = { value: string | number; label: string };
type Decision = DecisionBody['decision'];
type Outcome = 'confirmed' | 'false_commitment';
interface DecisionValues { decision: Decision; comment?: string; materials?: number[]; fields?: string[] }
interface PostCheckValues { outcome: Outcome; comment?: string }

const DECIDING = ['approve', 'deny', 'return'] as const;

export const isConflict = (error: unknown) => isApiError(error) && error.status === 409;

/**
 * A 409 means someone else got there first (or the task changed): say so and offer a refresh. It is
 * shown by the page, since the refreshed case may no longer list the task whose panel failed.
 */
export function ConflictAlert({ error, onRefresh }: { error: unknown; onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning" showIcon className="tb-gap-bottom" role="alert"
      title={isApiError(error) ? error.problem.title : t('workbench.decision.conflict')}
      description={t('workbench.decision.conflict')}
      action={<Button size="small" onClick={onRefresh}>{t('workbench.decision.refresh')}</Button>} />
  );
}

/** Errors other than a conflict stay with the form that caused them. */
const LocalError = ({ error }: { error: unknown }) =>
  (error && !isConflict(error) && !(isApiError(error) && error.fieldErrors.length) ? <ProblemAlert error={error} className="tb-gap-bottom" /> : null);

interface PanelProps { task: InboxTask; onConflict: (error: unknown) => void }

function ReviewForm({ task, materials, fields, onConflict }: PanelProps & { materials: Option[]; fields: Option[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecide();
  const decision = Form.useWatch('decision', form);
  const offered = DECIDING.filter((d) => task.actions.includes(d));
  const commentRequired = decision === 'deny' || decision === 'return';

  const send = (values: DecisionValues) => {
    const body: DecisionBody = { decision: values.decision, comment: values.comment?.trim() ?? '' };
    if (values.decision === 'return') {
      body.materials = values.materials ?? [];
      body.fields = values.fields ?? [];
    }
    // the promise keeps the dialog's OK button busy until the server answers
    return decide.mutateAsync({ id: task.id, body }).then(
      () => {
        void message.success(t(`workbench.decision.done.${values.decision}`));
        form.resetFields();
      },
      (e) => (isConflict(e) ? onConflict(e) : applyApiError(form, e, ['comment', 'materials', 'fields'])),
    );
  };
  const confirm = (values: DecisionValues) => modal.confirm({
    title: t(`workbench.decision.confirmTitle.${values.decision}`),
    content: t(`workbench.decision.confirmBody.${values.decision}`),
    okText: t('common.confirm'), cancelText: t('common.cancel'),
    okButtonProps: { danger: values.decision === 'deny' },
    onOk: () => send(values),
  });

  const id = `decision-${task.id}`;
  return (
    <Form form={form} name={id} layout="vertical" onFinish={confirm} disabled={decide.isPending} requiredMark={false}>
      <LocalError error={decide.error} />
      <Form.Item name="decision" label={t('workbench.decision.outcome')} rules={[{ required: true, message: t('workbench.decision.outcomeRequired') }]}>
        <Radio.Group
          options={offered.map((d) => ({ value: d, label: t(`workbench.decision.${d}`) }))} />
      </Form.Item>
      {decision === 'return' && materials.length > 0 && (
        <Form.Item name="materials" label={t('workbench.decision.returnMaterials')} className="wb-checks">
          <Checkbox.Group options={materials as { value: number; label: string }[]} />
        </Form.Item>
      )}
      {decision === 'return' && fields.length > 0 && (
        <Form.Item name="fields" label={t('workbench.decision.returnFields')} className="wb-checks">
          <Checkbox.Group options={fields as { value: string; label: string }[]} />
        </Form.Item>
      )}
      <Form.Item
        name="comment"
        label={t('workbench.decision.comment')}
        dependencies={['decision']}
        rules={[
          { required: commentRequired, whitespace: true, message: t(decision === 'return' ? 'workbench.decision.commentRequired.return' : 'workbench.decision.commentRequired.deny') },
          { max: 1000 },
        ]}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('workbench.decision.commentPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block danger={decision === 'deny'} loading={busy(decide.isPending)}>
        {t('workbench.decision.submit')}
      </Button>
    </Form>
  );
}

function PostCheckForm({ task, onConflict }: PanelProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PostCheckValues>();
  const check = usePostCheck();
  const outcome = Form.useWatch('outcome', form);

  const confirm = (values: PostCheckValues) => modal.confirm({
    title: t(`workbench.postCheck.confirmTitle.${values.outcome}`),
    content: values.outcome === 'false_commitment' ? t('workbench.postCheck.falseWarning') : undefined,
    okText: t('common.confirm'), cancelText: t('common.cancel'),
    okButtonProps: { danger: values.outcome === 'false_commitment' },
    onOk: () => check.mutateAsync({ id: task.id, body: { outcome: values.outcome, comment: values.comment?.trim() ?? '' } }).then(
      () => void message.success(t(`workbench.postCheck.done.${values.outcome}`)),
      (e) => (isConflict(e) ? onConflict(e) : applyApiError(form, e, ['comment'])),
    ),
  });

  return (
    <Form form={form} name={`post-check-${task.id}`} layout="vertical" onFinish={confirm} disabled={check.isPending} requiredMark={false}>
      <p className="tb-muted">{t('workbench.postCheck.intro')}</p>
      <LocalError error={check.error} />
      <Form.Item name="outcome" label={t('workbench.postCheck.outcome')} rules={[{ required: true, message: t('workbench.postCheck.outcomeRequired') }]}>
        <Radio.Group options={[
          { value: 'confirmed', label: t('workbench.postCheck.confirmed') },
          { value: 'false_commitment', label: t('workbench.postCheck.false_commitment') },
        ]} />
      </Form.Item>
      {outcome === 'false_commitment' && <Alert type="warning" showIcon className="tb-gap-bottom" title={t('workbench.postCheck.falseWarning')} />}
      <Form.Item name="comment" label={t('workbench.postCheck.comment')}
        rules={[{ required: true, whitespace: true, message: t('workbench.postCheck.commentRequired') }, { max: 1000 }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" block danger={outcome === 'false_commitment'} loading={busy(check.isPending)}>
        {t('workbench.postCheck.submit')}
      </Button>
    </Form>
  );
}

export function TaskDecision({ task, materials, fields, onConflict }: PanelProps & { materials: Option[]; fields: Option[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useClaim();
  const release = useRelease();
  // review tasks offer their decisions; a post-check is worked by whoever may claim or release it
  const canDecide = task.kind === 'review' ? DECIDING.some((d) => task.actions.includes(d)) : task.actions.length > 0;
  const onError = (e: unknown) => (isConflict(e) ? onConflict(e) : undefined);

  return (
    <div className="wb-decision">
      <p className="wb-task-head">
        <span className="wb-task-dept">{t('workbench.decision.taskLine', { department: task.department.name, task: task.name })}</span>
      </p>
      <LocalError error={claim.error ?? release.error} />
      {task.actions.includes('claim') && (
        <div className="wb-claim-row">
          <span className="tb-muted">{t('workbench.decision.unclaimed')}</span>
          <Button size="small" loading={busy(claim.isPending)}
            onClick={() => claim.mutate(task.id, { onSuccess: () => void message.success(t('workbench.inbox.claimed', { caseNo: task.caseNo })), onError })}>
            {t('workbench.inbox.claim')}
          </Button>
        </div>
      )}
      {task.actions.includes('release') && (
        <div className="wb-claim-row">
          <span className="tb-muted">{t('workbench.decision.claimedByYou')}</span>
          <Button size="small" loading={busy(release.isPending)}
            onClick={() => release.mutate(task.id, { onSuccess: () => void message.success(t('workbench.inbox.released', { caseNo: task.caseNo })), onError })}>
            {t('workbench.inbox.release')}
          </Button>
        </div>
      )}
      {task.actions.length === 0 && (
        <p className="tb-muted">{task.assignee ? t('workbench.decision.claimedBy', { name: task.assignee.name }) : t('workbench.decision.notYours')}</p>
      )}
      {canDecide && (task.kind === 'post_check'
        ? <PostCheckForm task={task} onConflict={onConflict} />
        : <ReviewForm task={task} materials={materials} fields={fields} onConflict={onConflict} />)}
    </div>
  );
}
