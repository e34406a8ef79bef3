import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isImmediate, nextStage, planTasks, stageState, type StageTask } from './workflow.js';

const task = (id: string, stage: number, status: string, rule: 'all' | 'any' = 'all'): StageTask => ({ id, stage, stage_rule: rule, status, kind: 'review' });

describe('workflow rules', () => {
  it('plans one task per department of each stage, numbered from 1', () => {
    const planned = planTasks({ stages: [
      { name: '受理审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'wjw', name: '出生医学证明核验' }, { departmentCode: 'gaj', name: '户口登记' }] },
      { name: '办结', rule: 'any', limitDays: 1, tasks: [{ departmentCode: 'ybj', name: '医保参保' }] },
    ] });
    assert.deepEqual(planned.map((p) => [p.stage, p.departmentCode, p.stageRule, p.limitDays]), [[1, 'wjw', 'all', 2], [1, 'gaj', 'all', 2], [2, 'ybj', 'any', 1]]);
  });

  it('completes an "all" stage only when every task approved', () => {
    assert.equal(stageState([task('a', 1, 'approved'), task('b', 1, 'open')]), 'waiting');
    assert.equal(stageState([task('a', 1, 'approved'), task('b', 1, 'approved')]), 'approved');
    assert.equal(stageState([task('a', 1, 'approved'), task('b', 1, 'returned')]), 'waiting');
  });

  it('completes an "any" stage at the first approval', () => {
    assert.equal(stageState([task('a', 1, 'approved', 'any'), task('b', 1, 'open', 'any')]), 'approved');
    assert.equal(stageState([task('a', 1, 'open', 'any'), task('b', 1, 'open', 'any')]), 'waiting');
  });

  it('denies a stage on any denial', () => {
    assert.equal(stageState([task('a', 1, 'approved', 'any'), task('b', 1, 'denied', 'any')]), 'denied');
    assert.equal(stageState([task('a', 1, 'denied'), task('b', 1, 'open')]), 'denied');
  });

  it('finds the next stage with pending tasks', () => {
    const tasks = [task('a', 1, 'approved'), task('b', 2, 'pending'), task('c', 3, 'pending')];
    assert.equal(nextStage(tasks, 1), 2);
    assert.equal(nextStage(tasks, 3), null);
  });

  it('treats 0-day and immediate items as 即办', () => {
    assert.equal(isImmediate({ projectType: 'immediate', promisedLimitDays: 0 }), true);
    assert.equal(isImmediate({ projectType: 'commitment', promisedLimitDays: 0 }), true);
    assert.equal(isImmediate({ projectType: 'commitment', promisedLimitDays: 5 }), false);
  });
});
