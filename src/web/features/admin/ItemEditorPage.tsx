// /admin/items/:code — edit every element of an item's draft; 校验 checks the catalogue rules,
// 保存草稿 saves (409 when someone published meanwhile), 发布 publishes with a change note.
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError, type FieldError } from '../../lib/api';
import { formatDateTime, busy as delayedBusy } from '../../lib/format';
import { pathToName, showFieldErrors } from '../../lib/formErrors';
import { useCreateItem, useDraft, usePublish, useSaveDraft, useValidateDraft } from './api';
import { BasicFields } from './editor/BasicFields';
import { emptyDraft, fromDraft, listOf, resolveDraftField, toDraft, type EditorValues, type ListField } from './editor/draftForm';
import { ErrorSummary } from './editor/ErrorSummary';
import { FormDefinitionFields } from './editor/FormDefinitionFields';
import { HandlingFields } from './editor/HandlingFields';
import { MaterialsFields } from './editor/MaterialsFields';
import { FaqFields, ProcessFields } from './editor/ProcessFaqFields';
import { CommitmentDeliveryFields, WorkflowFields } from './editor/WorkflowFields';

type EditorTab = 'guide' | 'form' | 'workflow';
/** the tab that holds the field an error path names */
const tabOf = (path: string): EditorTab =>
  /^\/(form)(\/|$)/.test(path) ? 'form' : /^\/(workflow|commitment|deliveryModes)(\/|$)/.test(path) ? 'workflow' : 'guide';

export function ItemEditorPage() {
  const { t } = useTranslation();
  const { code: param = '' } = useParams();
  const creating = param === 'new';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const draft = useDraft(param, !creating);
  const create = useCreateItem();
  const save = useSaveDraft(param);
  const publish = usePublish(param);
  const validate = useValidateDraft();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState<EditorTab>('guide');
  const view = draft.data;
  usePageTitle(creating ? t('admin.editor.createTitle') : t('admin.editor.editTitle', { name: view?.draft.name ?? param }));

  useEffect(() => {
    if (creating) form.setFieldsValue(fromDraft(emptyDraft()));
  }, [creating, form]);
  useEffect(() => {
    if (view && !dirty) form.setFieldsValue(fromDraft(view.draft));
    // only when a new server copy arrives: local edits are never overwritten
  }, [view]);

  const values = () => form.getFieldsValue(true) as EditorValues;
  const reset = () => { setErrors([]); setFailure(null); };
  const fail = (error: unknown) => {
    // a saved draft travels as { baseVersion, draft }: its paths start with /draft
    const fieldErrors = (isApiError(error) ? error.fieldErrors : []).map((e) => ({ ...e, path: e.path.replace(/^\/draft(?=\/|$)/, '') || '/' }));
    setErrors(fieldErrors);
    setFailure(error);
    showFieldErrors(form, fieldErrors, resolveDraftField);
  };
  const jumpTo = (path: string) => {
    setTab(tabOf(path));
    const name = resolveDraftField(pathToName(path));
    // after the tab has switched
    if (name) setTimeout(() => form.scrollToField(name, { block: 'center', focus: true }), 50);
  };
  const listErrors = (list: ListField) => errors.filter((e) => listOf(pathToName(e.path)) === list).map((e) => e.message);
  const workflowErrors = errors.filter((e) => tabOf(e.path) === 'workflow' && !resolveDraftField(pathToName(e.path))).map((e) => e.message);
  /** the form JSON must parse before anything is sent */
  const formJsonOk = async () => {
    try {
      await form.validateFields(['formJson']);
      return true;
    } catch {
      setTab('form');
      return false;
    }
  };

  const runValidate = async () => {
    reset();
    if (!(await formJsonOk())) return;
    validate.mutate(toDraft(values()), { onSuccess: () => void message.success(t('admin.editor.validOk')), onError: fail });
  };

  const runSave = async (): Promise<boolean> => {
    reset();
    const current = values();
    if (!(await formJsonOk())) return false;
    try {
      if (creating) {
        await form.validateFields(['code']);
        const created = await create.mutateAsync({ code: current.code ?? '', ...toDraft(current) });
        setDirty(false);
        void message.success(t('admin.editor.created'));
        navigate(`/admin/items/${created.code}`, { replace: true });
      } else {
        await save.mutateAsync({ baseVersion: view?.baseVersion ?? 0, draft: toDraft(current) });
        setDirty(false);
        void message.success(t('admin.editor.saved'));
      }
      return true;
    } catch (error) {
      // a failed local check (the code) already shows next to its field
      if (!(error && typeof error === 'object' && 'errorFields' in error)) fail(error);
      return false;
    }
  };

  const runPublish = async () => {
    if (!note.trim()) return;
    if (dirty && !(await runSave())) { setPublishOpen(false); return; }
    publish.mutate(note.trim(), {
      onSuccess: (item) => {
        setPublishOpen(false);
        setNote('');
        void message.success(t('admin.editor.publishedOk', { version: item.version }));
      },
      onError: (error) => { setPublishOpen(false); fail(error); },
    });
  };

  const reload = async () => {
    setDirty(false);
    reset();
    const fresh = await draft.refetch();
    if (fresh.data) form.setFieldsValue(fromDraft(fresh.data.draft));
  };

  if (!creating && draft.isPending) return <PageSkeleton rows={14} />;
  if (!creating && draft.error) return <div className="tb-container tb-page"><ProblemAlert error={draft.error} /></div>;

  const conflict = isApiError(failure, 'DRAFT_CONFLICT');
  const busy = create.isPending || save.isPending || publish.isPending;

  return (
    <div className="tb-container tb-page">
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/admin/items">{t('admin.title')}</Link> }, { title: creating ? t('admin.editor.createTitle') : param }]} />
      <div className="tb-editor-bar">
        <div>
          <Typography.Title level={1} className="tb-page-title">{creating ? t('admin.editor.createTitle') : t('admin.editor.editTitle', { name: view?.draft.name ?? param })}</Typography.Title>
          {view && (
            <p className="tb-muted tb-small">
              {view.baseVersion ? t('admin.editor.basedOn', { version: view.baseVersion }) : t('admin.neverPublished')} · {t('admin.editor.updatedAt', { time: formatDateTime(view.updatedAt) })}{' '}
              {view.hasUnpublishedChanges && <Tag className="tb-tag-orange">{t('admin.unpublished')}</Tag>}
              {dirty && <Tag color="red">{t('admin.editor.unsaved')}</Tag>}
            </p>
          )}
        </div>
        <Space wrap>
          <Button onClick={() => void runValidate()} loading={delayedBusy(validate.isPending)}>{t('admin.editor.validate')}</Button>
          <Button type={creating ? 'primary' : 'default'} onClick={() => void runSave()} loading={create.isPending || save.isPending}>{creating ? t('admin.editor.create') : t('admin.editor.save')}</Button>
          {!creating && <Button type="primary" onClick={() => setPublishOpen(true)} disabled={busy}>{t('admin.editor.publish')}</Button>}
          {!creating && view?.baseVersion ? <Link to={`/items/${param}`}>{t('admin.editor.viewPublished')}</Link> : null}
        </Space>
      </div>
      {conflict && (
        <Alert type="warning" showIcon className="tb-gap-bottom" title={t('admin.editor.conflict')} description={isApiError(failure) ? failure.problem.title : undefined}
          action={<Button onClick={() => void reload()}>{t('admin.editor.reload')}</Button>} />
      )}
      {!conflict && failure && errors.length === 0 ? <ProblemAlert error={failure} className="tb-gap-bottom" /> : null}
      <ErrorSummary errors={errors} onJump={jumpTo} />
      <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)} disabled={busy}>
        <Tabs activeKey={tab} onChange={(key) => setTab(key as EditorTab)} items={[
          {
            key: 'guide', label: t('itemForms.tabs.guide'), forceRender: true, children: (
              <>
                <BasicFields creating={creating} />
                <HandlingFields />
                <MaterialsFields errors={listErrors('materials')} />
                <ProcessFields errors={listErrors('process')} />
                <FaqFields errors={listErrors('faqs')} />
              </>
            ),
          },
          { key: 'form', label: t('itemForms.tabs.form'), forceRender: true, children: <FormDefinitionFields active={tab === 'form'} /> },
          {
            key: 'workflow', label: t('itemForms.tabs.workflow'), forceRender: true, children: (
              <>
                <WorkflowFields errors={workflowErrors} />
                <CommitmentDeliveryFields />
              </>
            ),
          },
        ]} />
      </Form>
      <Modal
        open={publishOpen}
        title={t('admin.editor.publishTitle')}
        okText={t('admin.editor.publish')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !note.trim(), loading: publish.isPending || save.isPending }}
        onOk={() => void runPublish()}
        onCancel={() => setPublishOpen(false)}
      >
        <label htmlFor="publish-note" className="tb-filter-label">{t('admin.editor.publishNote')}</label>
        <Input.TextArea id="publish-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        <p className="tb-muted tb-small">{t('admin.editor.publishNoteHelp')}</p>
      </Modal>
    </div>
  );
}
