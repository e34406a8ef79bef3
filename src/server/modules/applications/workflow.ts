// The workflow rules as pure functions: which tasks a process definition makes, when a stage is
// done (all / any), and what the case does next. The services apply the answers in a transaction.
import type { ProcessDefinition } from '../../../contract/forms.js';

export interface StageTask { id: string; stage: number; stage_rule: 'all' | 'any'; status: string; kind: 'review' | 'post_check' }

export interface PlannedTask { stage: number; stageName: string; stageRule: 'all' | 'any'; name: string; departmentCode: string; limitDays: number }

/** Every review task of the definition, stage by stage (并联: one task per department of a stage). */
export function planTasks(workflow: ProcessDefinition): PlannedTask[] {
  return workflow.stages.flatMap((s, i) => s.tasks.map((t) => ({
    stage: i + 1, stageName: s.name, stageRule: s.rule, name: t.name, departmentCode: t.departmentCode, limitDays: s.limitDays,
  })));
}

export type StageState = 'denied' | 'approved' | 'waiting';

/** A stage: denied by any denial; approved when all (or, for 'any', one) approved; else waiting. */
export function stageState(tasks: StageTask[]): StageState {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  if (live.some((t) => t.status === 'denied')) return 'denied';
  const rule = tasks[0]?.stage_rule ?? 'all';
  const approved = live.filter((t) => t.status === 'approved').length;
  if (rule === 'any' ? approved > 0 : live.length > 0 && approved === live.length) return 'approved';
  return 'waiting';
}

/** Tasks still waiting in a stage that an 'any' approval has satisfied: they are cancelled. */
export const supersededTasks = (tasks: StageTask[]) =>
  tasks.filter((t) => t.status === 'open' || t.status === 'returned' || t.status === 'pending').map((t) => t.id);

/** The first stage after `stage` with tasks still pending, or null when the workflow is done. */
export function nextStage(tasks: StageTask[], stage: number): number | null {
  const later = tasks.filter((t) => t.kind === 'review' && t.stage > stage && t.status === 'pending').map((t) => t.stage);
  return later.length ? Math.min(...later) : null;
}

/** Review tasks of one stage. */
export const tasksOfStage = <T extends StageTask>(tasks: T[], stage: number) => tasks.filter((t) => t.kind === 'review' && t.stage === stage);

/** 即办: accepted automatically and decided at once. */
export const isImmediate = (spec: { projectType: string; promisedLimitDays: number }) =>
  spec.projectType === 'immediate' || spec.promisedLimitDays === 0;
